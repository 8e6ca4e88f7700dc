## Melden (openbaar, anoniem)

report-title = Beelden melden en laten verwijderen
report-intro = Je kunt melden zonder je naam te geven. Je foto's en video's blijven op je telefoon: we nemen alleen vingerafdrukken ervan, zodat websites kopieën kunnen vinden en verwijderen.

## Ouders en verzorgers

parents-title = Voor ouders en verzorgers
parents-intro = Wordt je kind bedreigd, of worden naaktbeelden van je kind gedeeld? Blijf rustig en geef je kind niet de schuld. Hier lees je wat je nu kunt doen, en kun je melden voor je kind.

## Opvolging met een bewijscode

follow-up-title = Je melding bekijken
follow-up-intro = Met de bewijscode die je kreeg toen je meldde, zie je wat er is gebeurd, lees je berichten en voeg je meer toe.
