## Merk. De naam van het portaal is een term, zodat elke taal hem kan verbuigen of houden.

-portal-name = Safe Again
brand-name = { -portal-name }

## Kop en voet (elke pagina)

skip-to-content = Direct naar de inhoud
language-switch-label = Taal
# De snelle-uitgangknop. Kort: hij moet naast de naam passen op een kleine telefoon.
quick-exit-label = Snel weg
quick-exit-hint = of druk op Esc
footer-privacy-title = Je privacy
footer-privacy-images = Je foto's en video's blijven op je apparaat. Wij krijgen alleen vingerafdrukken ervan, nooit de beelden zelf.
footer-privacy-identity = Je hoeft je naam niet te geven. We bewaren je IP-adres niet, en ook niet welk apparaat je gebruikt.
footer-privacy-traces = We laten geen cookies achter op je apparaat, behalve als je inlogt met je bewijscode.
footer-privacy-history = “Snel weg” (of de Esc-toets) brengt je meteen naar een weersite en haalt dit bezoek uit de terugknop.
footer-privacy-history-no-js = Zonder JavaScript blijven de pagina's die je hier opende in de geschiedenis van je browser staan. Wis je browsegeschiedenis om ze weg te halen, of gebruik een privévenster.
footer-help-link = Heb je nu hulp nodig?

## Pagina's die nog gebouwd worden

placeholder-not-ready = Dit deel van het portaal wordt nog gebouwd. Het is binnenkort klaar.
placeholder-help-now = Nu hulp krijgen

## Niet gevonden

not-found-title = Pagina niet gevonden
not-found-body = We konden deze pagina niet vinden. Misschien klopt het adres niet, of is de pagina verhuisd.
not-found-home-link = Naar de startpagina

## Startpagina

home-title = Laat seksuele beelden van jou verwijderen, en krijg hulp
home-intro = Staan er seksuele foto's of video's van jou online, of dreigt iemand ze te delen? Het is niet jouw schuld. Wij helpen je ze te laten verwijderen, zonder dat je foto's ooit je telefoon verlaten.
home-report-title = Beelden melden en laten verwijderen
home-report-text = Anoniem. Je hebt geen account nodig.
home-parents-title = Ik ben ouder of verzorger
home-parents-text = Wat je nu kunt doen, en hoe je meldt voor je kind.
home-follow-up-title = Mijn melding bekijken
home-follow-up-text = Gebruik de bewijscode die je kreeg toen je meldde.
home-urgent-title = Ben je in gevaar, of wil je nu met iemand praten?
home-urgent-text = Je hoeft dit niet alleen te doen. Er zijn mensen die naar je luisteren, gratis en vertrouwelijk.
home-urgent-link = Kijk wie je nu kan helpen

## Monitor

monitor-title = Hoe snel wordt materiaal verwijderd?
monitor-intro = Deze pagina laat straks zien hoe snel hostingbedrijven en landen gemeld materiaal verwijderen. Alleen totalen, nooit losse meldingen.
# Pagina's die de server geeft voordat er een pagina draait (werkt zonder JavaScript).
edge-cross-site-title = Dit formulier kwam van een andere website
edge-cross-site-body = Voor je veiligheid nemen we alleen formulieren aan die vanaf de pagina's van dit portaal zijn verstuurd. Er is niets verstuurd of bewaard. Open het portaal opnieuw en vul het formulier daar in.
edge-too-large-title = Dat was te veel tegelijk
edge-too-large-body = Wat je stuurde was groter dan het portaal aanneemt. Er is niets bewaard. Ga terug en stuur minder, bijvoorbeeld minder adressen tegelijk.
edge-timeout-title = Dit duurde te lang
edge-timeout-body = Het portaal gaf niet op tijd antwoord. Misschien is er niets bewaard. Probeer het zo nog eens.
edge-internal-title = Er ging iets mis
edge-internal-body = Het portaal liep tegen een probleem aan. Probeer het zo nog eens.
