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
