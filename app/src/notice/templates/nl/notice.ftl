# De melding onder artikel 16 DSA, in het Nederlands. Daarna volgt altijd de Engelse tekst.
notice-template-status = reviewed
notice-subject = Melding onder artikel 16 DSA: { $category }, kenmerk { $reference }
notice-category-csam = beeldmateriaal van seksueel misbruik van kinderen
notice-category-ncii = intieme beelden gedeeld zonder toestemming
notice-category-ai = seksuele beelden van een echt persoon, gemaakt of bewerkt zonder toestemming
notice-greeting = Aan het team dat meldingen behandelt bij { $provider },
notice-greeting-unknown = Aan het team dat meldingen behandelt,
notice-intro = { $notifier } meldt u illegale inhoud op uw dienst, onder artikel 16 van de Digitaledienstenverordening (Verordening (EU) 2022/2065). Verwijder deze inhoud of maak haar ontoegankelijk.
notice-location-heading = 1. Waar het staat (art. 16, lid 2, onder b)
notice-location-count = { $count ->
    [one] Het precieze adres:
   *[other] De precieze adressen ({ $count }):
}
notice-reasons-heading = 2. Waarom het illegaal is (art. 16, lid 2, onder a)
notice-reason-csam = Een getrainde analist van { $notifier } heeft het materiaal beoordeeld. Het toont seksueel misbruik van een kind; hosten of verspreiden daarvan is in elke EU-lidstaat strafbaar. Er is geen kopie van gemaakt, bewaard of verstuurd.
notice-reason-ncii = Een getrainde analist van { $notifier } heeft het materiaal beoordeeld. Het toont een volwassene in een intieme of seksuele situatie en is zonder toestemming van die persoon openbaar gemaakt; dat is strafbaar op grond van de bepalingen hieronder.
notice-reason-ai = Een getrainde analist van { $notifier } heeft het materiaal beoordeeld. Het is een seksueel beeld van een echt, herkenbaar persoon dat is gemaakt of bewerkt (bijvoorbeeld met AI) en zonder toestemming van die persoon openbaar is gemaakt; dat is strafbaar op grond van de bepalingen hieronder.
notice-grounds = Wettelijke grondslag:
notice-notifier-heading = 3. Wie deze melding doet (art. 16, lid 2, onder c)
notice-notifier = { $notifier } ({ $domain }) doet deze melding voor de betrokken persoon, die niet wordt genoemd.
notice-notifier-csam = Volgens art. 16, lid 2, onder c DSA hoeft een melding van beeldmateriaal van seksueel misbruik van kinderen geen naam of e-mailadres van de melder te bevatten. Zij komt van { $notifier } ({ $domain }); wie het meldde, wordt niet genoemd.
notice-good-faith-heading = 4. Verklaring (art. 16, lid 2, onder d)
notice-good-faith = { $notifier } verklaart te goeder trouw dat de informatie en beweringen in deze melding juist en volledig zijn.
notice-deadline-heading = Wat wij vragen
notice-deadline = Handel zonder onnodige vertraging, en uiterlijk op { $deadline } ({ $hours } uur na deze melding).
notice-answer = Bevestig de ontvangst (art. 16, lid 4) en laat ons uw besluit weten (art. 16, lid 5) door te antwoorden aan { $mailbox }, met vermelding van { $reference }. Stuur ons nooit het materiaal zelf.
notice-machine = Een machineleesbare kopie van deze melding (X-ARF versie 3, JSON) is bijgevoegd.
notice-reference = Kenmerk: { $reference }
notice-english-copy = Engelse tekst van deze melding:
