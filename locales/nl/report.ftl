## Melden (openbaar, anoniem)

report-title = Beelden melden en laten verwijderen
report-intro = Je kunt melden zonder je naam te geven. Je foto's en video's blijven op je telefoon: we nemen alleen vingerafdrukken ervan, zodat websites kopieën kunnen vinden en verwijderen.

## Ouders en verzorgers

parents-title = Voor ouders en verzorgers
parents-intro = Wordt je kind bedreigd, of worden naaktbeelden van je kind gedeeld? Blijf rustig en geef je kind niet de schuld. Hier lees je wat je nu kunt doen, en kun je melden voor je kind.

## Opvolging met een bewijscode

follow-up-title = Je melding bekijken
follow-up-intro = Met de bewijscode die je kreeg toen je meldde, zie je wat er is gebeurd, lees je berichten en voeg je meer toe.

## Melden: bestanden van je apparaat (op het apparaat gehasht, nooit verstuurd)

report-files-title = Foto's en video's van je apparaat
report-files-intro = We maken van elk bestand een vingerafdruk, hier op je apparaat. Alleen de vingerafdrukken worden verstuurd, nooit je foto's of video's. Websites gebruiken ze om kopieën te vinden en te verwijderen.
report-files-choose = Kies foto's of video's
report-files-no-js = Voor het maken van vingerafdrukken is JavaScript nodig. Je kunt wel de webadressen melden waar de beelden staan.
report-files-progress-label = Vingerafdrukken maken
report-files-cancel = Stoppen
report-files-working = Vingerafdruk maken…
report-files-ready = Vingerafdruk klaar
report-files-low-quality = Vingerafdruk klaar. Deze foto heeft weinig details, dus kopieën zijn misschien moeilijker te vinden.
report-files-undecodable = We konden dit bestand niet als foto openen, maar de exacte vingerafdruk is klaar.
report-files-failed = We konden dit bestand niet lezen. Probeer het opnieuw, of laat het weg.
report-files-cancelled = Gestopt
report-files-remove = Verwijderen
report-files-preview-alt = Voorbeeld, alleen op je apparaat
report-files-video-note = Van video's maken we een vingerafdruk van het hele bestand. Vingerafdrukken van losse momenten in een video volgen later.
