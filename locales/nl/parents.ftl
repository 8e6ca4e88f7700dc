## Ouders en verzorgers: startpagina
# Lezers zijn ouders in paniek, vaak op een telefoon. Korte zinnen, en nooit het kind de schuld geven.

parents-title = Voor ouders en verzorgers
parents-intro = Wordt je kind bedreigd, of worden naaktbeelden van je kind gedeeld? Blijf rustig en geef je kind niet de schuld: je kind heeft je nu nodig, en jij kunt helpen. Hier lees je wat je kunt doen, en kun je melden voor je kind.
parents-topics-title = Wat is er aan de hand?
parents-sextortion-card-title = Iemand dreigt beelden van mijn kind te delen
parents-sextortion-card-text = Diegene wil geld of meer foto's. Betaal niet, en stuur niets.
parents-shared-nudes-card-title = Naaktbeelden van mijn kind worden gedeeld
parents-shared-nudes-card-text = Online, in een groepsapp of op school.
parents-ai-nudes-card-title = Nep- of AI-naaktbeelden van mijn kind
parents-ai-nudes-card-text = Deepfakes, en foto's gemaakt met uitkleed-apps.
parents-grooming-card-title = Iemand die ouder is zet mijn kind online onder druk
parents-grooming-card-text = Vraagt om foto's, om geheimhouding of om af te spreken.
parents-urgent-title = Is je kind nu in gevaar?
parents-urgent-text = Bel het alarmnummer 112.

## Ouders en verzorgers: op elke pagina met uitleg

parents-steps-title = Wat je nu kunt doen
parents-help-title = Waar je hulp vindt
parents-help-emergency-text = Is je kind nu in gevaar? Bel het alarmnummer.
parents-help-emergency-call = Bel 112
parents-help-intro = Dit zijn de nummers in Nederland.
parents-help-helpwanted-text = Helpwanted helpt ouders en jongeren bij seksuele beelden online en bij het laten verwijderen ervan. Gratis en anoniem, via de chat op helpwanted.nl of telefonisch.
parents-help-helpwanted-call = Bel Helpwanted: 020 261 52 75
parents-help-kindertelefoon-text = Je kind kan ook zelf met De Kindertelefoon praten, over alles, gratis en anoniem.
parents-help-kindertelefoon-call = Bel De Kindertelefoon: 0800-0432
parents-help-police-text = Voor aangifte of advies bel je de politie.
parents-help-police-call = Bel de politie: 0900-8844
# De knop naar het meldformulier, voor een ouder die meldt namens het kind.
parents-report-button = Melden voor je kind
parents-more-help-link = Meer hulp

## Uitleg: sextortion
# Elke stap is een vetgedrukte opdracht (…-title), gevolgd door waarom (…-text).

parents-sextortion-title = Iemand dreigt beelden van je kind te delen
parents-sextortion-lead = Dit heet sextortion, of seksuele afpersing. Iemand heeft naaktbeelden of seksuele beelden van je kind, of zegt dat te hebben, en dreigt ze te delen als je kind niet betaalt of meer stuurt. Dat is een misdrijf. Je kind is het slachtoffer en heeft geen schuld, wat er ook eerder is gebeurd.
parents-sextortion-step-pay-title = Betaal niet.
parents-sextortion-step-pay-text = Betalen maakt er zelden een einde aan. Vaak volgen er juist meer eisen.
parents-sextortion-step-send-title = Stuur niets meer.
parents-sextortion-step-send-text = Geen foto's, video's of geld meer, wat diegene ook belooft of dreigt.
parents-sextortion-step-stop-title = Stop het contact, maar houd het account.
parents-sextortion-step-stop-text = Reageer niet meer. Verwijder het account van je kind en de chats nog niet: ze zijn bewijs.
parents-sextortion-step-evidence-title = Bewaar bewijs.
parents-sextortion-step-evidence-text = Maak screenshots van de chat, van het profiel en de gebruikersnaam van de ander, en van de betaaleis. Maak geen screenshots van de naaktbeelden zelf en sla ze niet op: ze bewaren of doorsturen kan zelf strafbaar zijn.
parents-sextortion-step-block-title = Blokkeer en meld het account.
parents-sextortion-step-block-text = Doe dat in de app of op de website waar het gebeurde, zodra je je screenshots hebt.
parents-sextortion-step-report-title = Meld de beelden hier.
parents-sextortion-step-report-text = Wij vragen websites ze te verwijderen. Staan de beelden op de telefoon van je kind? Dan kunnen platforms met vingerafdrukken die daar worden gemaakt kopieën blokkeren. De beelden zelf verlaten de telefoon nooit.
parents-sextortion-step-police-title = Meld het bij de politie.
parents-sextortion-step-police-text = Sextortion is een misdrijf. Bel in Nederland de politie op 0900-8844, of 112 als je kind in gevaar is.
parents-sextortion-step-fault-title = Laat je kind weten: dit is niet jouw schuld.
parents-sextortion-step-fault-text = Zeg dat je blij bent dat je kind het vertelde, en dat jullie dit samen oplossen. Afpersers zijn goed in trucs en druk zetten; het kan iedereen overkomen. Blijf de dagen erna dichtbij. Praat je kind over niet meer willen leven? Bel dan 113 of 0800-0113.

## Uitleg: naaktbeelden gedeeld zonder toestemming

parents-shared-nudes-title = Naaktbeelden van je kind worden gedeeld
parents-shared-nudes-lead = Misschien stuurde je kind een foto naar iemand die het vertrouwde, of werd de foto gemaakt zonder dat je kind het wist. Hoe dan ook: zo'n foto delen zonder toestemming is fout, en vaak strafbaar. Je kind heeft geen schuld.
parents-shared-nudes-step-calm-title = Blijf rustig en luister.
parents-shared-nudes-step-calm-text = Je kind schaamt zich misschien, of is bang. Geef je kind niet de schuld en vraag niet waarom het de foto stuurde. Zeg dat je gaat helpen.
parents-shared-nudes-step-forward-title = Stuur de beelden niet door en sla ze niet op.
parents-shared-nudes-step-forward-text = Ook niet om ze aan iemand te laten zien. Beelden bewaren of delen kan zelf strafbaar zijn, en elke kopie kan zich verder verspreiden.
parents-shared-nudes-step-where-title = Schrijf op waar ze staan.
parents-shared-nudes-step-where-text = Noteer de links, de app of website, de naam van de groep en de gebruikersnamen van wie ze deelde. Screenshots van chats en profielen helpen, als de beelden er maar niet op staan.
parents-shared-nudes-step-report-title = Meld ze hier.
parents-shared-nudes-step-report-text = Wij vragen websites ze te verwijderen. Staan de beelden op de telefoon van je kind? Dan kunnen platforms met vingerafdrukken die daar worden gemaakt kopieën blokkeren. De beelden zelf verlaten de telefoon nooit.
parents-shared-nudes-step-platform-title = Vraag het platform ze te verwijderen.
parents-shared-nudes-step-platform-text = Gebruik de meldknop in de app of op de website, en zeg erbij dat degene op de beelden jonger is dan 18.
parents-shared-nudes-step-school-title = Praat met de school als klasgenoten erbij betrokken zijn.
parents-shared-nudes-step-school-text = De school kan helpen het delen te stoppen en je kind steunen. Spreek eerst met je kind af wat je vertelt.
parents-shared-nudes-step-police-title = Meld het bij de politie.
parents-shared-nudes-step-police-text = Naaktbeelden delen van iemand onder de 18 is strafbaar. Bel in Nederland de politie op 0900-8844.

## Uitleg: nep- of AI-naaktbeelden

parents-ai-nudes-title = Nep- of AI-naaktbeelden van je kind
parents-ai-nudes-lead = Apps en websites kunnen van een gewone foto een nepnaaktfoto maken: deepfakes, of zogenoemde uitkleed-apps (nudify-apps). Het beeld is nep, maar de schade is echt. In Nederland en veel andere landen is het maken of delen van zulke beelden van een kind strafbaar, ook al zijn ze nep. Je kind heeft niets verkeerd gedaan.
parents-ai-nudes-step-calm-title = Geloof je kind en blijf rustig.
parents-ai-nudes-step-calm-text = Zeg tegen je kind dat het geen schuld heeft. Het beeld is nep, maar de schaamte en angst zijn echt.
parents-ai-nudes-step-forward-title = Stuur de beelden niet door en sla ze niet op.
parents-ai-nudes-step-forward-text = Ook niet om te laten zien dat ze nep zijn. Beelden bewaren of delen kan zelf strafbaar zijn.
parents-ai-nudes-step-where-title = Schrijf op waar ze staan.
parents-ai-nudes-step-where-text = Noteer de links, de app of website, de naam van de groep en de gebruikersnamen van wie ze deelde. Screenshots van chats en profielen helpen, als de beelden er maar niet op staan.
parents-ai-nudes-step-report-title = Meld ze hier.
parents-ai-nudes-step-report-text = Wij vragen websites ze te verwijderen, nep of niet. Staan de beelden op de telefoon van je kind? Dan kunnen platforms met vingerafdrukken die daar worden gemaakt kopieën blokkeren. De beelden zelf verlaten de telefoon nooit.
parents-ai-nudes-step-platform-title = Vraag het platform ze te verwijderen.
parents-ai-nudes-step-platform-text = Gebruik de meldknop in de app of op de website, en zeg erbij dat het een nepnaaktbeeld is van iemand onder de 18.
parents-ai-nudes-step-school-title = Praat met de school als klasgenoten erbij betrokken zijn.
parents-ai-nudes-step-school-text = Zulke beelden worden vaak door andere jongeren gemaakt. De school kan helpen het delen te stoppen en je kind steunen. Spreek eerst met je kind af wat je vertelt.
parents-ai-nudes-step-police-title = Meld het bij de politie.
parents-ai-nudes-step-police-text = Nepnaaktbeelden van een kind maken of delen is strafbaar. Bel in Nederland de politie op 0900-8844.

## Uitleg: grooming

parents-grooming-title = Iemand die ouder is zet je kind online onder druk
parents-grooming-lead = Sommige volwassenen, of mensen die veel ouder zijn dan je kind, winnen online het vertrouwen van een kind om seksuele beelden te krijgen of om af te spreken. Dat heet grooming. Ze kunnen heel overtuigend zijn, en je kind ziet het misschien niet als misbruik. Je kind heeft geen schuld.
parents-grooming-signs-title = Signalen om op te letten
parents-grooming-sign-attention = Een nieuwe online vriend of vriendin die veel aandacht, complimenten of cadeaus geeft, zoals tegoed voor games.
parents-grooming-sign-secret = Je kind doet geheimzinnig over de telefoon of een app, of is van streek na tijd online.
parents-grooming-sign-private = Diegene vraagt je kind om dingen geheim te houden, of om over te stappen naar een andere app.
parents-grooming-sign-requests = Diegene vraagt om foto's, video's, een webcamgesprek of een afspraak.
parents-grooming-step-calm-title = Blijf rustig en luister.
parents-grooming-step-calm-text = Je kind denkt misschien een relatie te hebben, of is bang om in de problemen te komen. Zeg tegen je kind dat het geen schuld heeft en dat je gaat helpen.
parents-grooming-step-evidence-title = Bewaar bewijs.
parents-grooming-step-evidence-text = Maak screenshots van de chats, het profiel en de gebruikersnaam. Sla geen naaktbeelden op en stuur ze niet door: ze bewaren kan zelf strafbaar zijn.
parents-grooming-step-confront-title = Spreek de persoon niet zelf aan.
parents-grooming-step-confront-text = Daarmee waarschuw je diegene. Die kan dan bewijs wissen, of je kind nog meer onder druk zetten.
parents-grooming-step-stop-title = Stop het contact.
parents-grooming-step-stop-text = Help je kind om niet meer te reageren en de persoon te blokkeren, zodra je je screenshots hebt. Verwijder het account en de chats nog niet.
parents-grooming-step-police-title = Meld het bij de politie.
parents-grooming-step-police-text = Bel in Nederland de politie op 0900-8844. Is je kind nu in gevaar, of is er een afspraak gemaakt? Bel dan 112.
parents-grooming-step-report-title = Zijn er beelden? Meld ze dan hier.
parents-grooming-step-report-text = Wij vragen websites ze te verwijderen. Staan de beelden op de telefoon van je kind? Dan kunnen platforms met vingerafdrukken die daar worden gemaakt kopieën blokkeren. De beelden zelf verlaten de telefoon nooit.
