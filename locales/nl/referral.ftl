## Hulppagina

help-title = Nu hulp krijgen
help-intro = Je staat er niet alleen voor, en wat er gebeurd is, is niet jouw schuld. Deze mensen kunnen je helpen, gratis en vertrouwelijk.
help-danger-title = Ben je nu in gevaar?
help-danger-text = Ben jij of is iemand anders in gevaar? Bel het alarmnummer 112.
help-danger-call = Bel 112
help-suicide-title = Denk je aan zelfdoding?
help-suicide-text = Praat er nu over met iemand. Bel gratis 113 of 0800-0113, dag en nacht, of chat via 113.nl.
help-suicide-call = Bel 113
help-talk-title = Praten over beelden online
help-talk-text = Helpwanted helpt bij seksuele beelden online en het laten verwijderen ervan, gratis en anoniem, via chat, telefoon of e-mail.
help-talk-call = Bel Helpwanted: 020 261 52 75

## Waarom een dienst wordt getoond (de redenen van de hulpwijzer)

help-reason-acute-danger = Alarmnummer: als iemand nu in gevaar is
help-reason-suicidal = Nu praten over gedachten aan zelfdoding
help-reason-recent-violence = Zorg na recent seksueel geweld
help-reason-topic = Helpt bij wat jou is overkomen
help-reason-report-images = Waar je de beelden meldt
help-reason-self-help-tool = Een hulpmiddel om beelden zelf te laten blokkeren
help-reason-for-parents = Steunt ouders
help-reason-for-professionals = Beantwoordt vragen van professionals
help-reason-general-help = Luistert naar alles wat je dwarszit
help-reason-escalation = Waar je klaagt als een platform niets doet
help-reason-age = Voor jouw leeftijd
help-reason-language = Spreekt jouw taal
help-reason-open-now = Nu open
help-reason-free = Gratis
help-reason-anonymous = Je kunt anoniem blijven
