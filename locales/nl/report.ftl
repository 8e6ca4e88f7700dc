## Melden (openbaar, anoniem)

report-title = Beelden melden en laten verwijderen
report-intro = Je kunt melden zonder je naam te geven. Je foto's en video's blijven op je telefoon: we nemen alleen vingerafdrukken ervan, zodat websites kopieën kunnen vinden en verwijderen.

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
report-files-waiting = Wacht op zijn beurt…
report-files-working = Vingerafdruk maken…
report-files-ready = Vingerafdruk klaar
report-files-low-quality = Vingerafdruk klaar. Deze foto heeft weinig details, dus kopieën zijn misschien moeilijker te vinden.
report-files-undecodable = We konden dit bestand niet als foto openen, maar de exacte vingerafdruk is klaar.
report-files-failed = We konden dit bestand niet lezen. Probeer het opnieuw, of laat het weg.
report-files-cancelled = Gestopt
report-files-remove = Verwijderen
report-files-preview-alt = Voorbeeld, alleen op je apparaat

## Report flow

report-progress = Stap { $step } van { $total }
report-next = Volgende
report-back = Terug
report-send = Verstuur mijn melding
report-safety-title = { $who ->
    [child] Is je kind nu veilig?
    [other] Is die persoon nu veilig?
   *[self] Ben je nu veilig?
}
report-safety-hint = Er is geen fout antwoord. Zo niet, dan laten we eerst zien wie je meteen kan helpen.
report-history-js = Wil je een antwoord veranderen? Gebruik de knop Terug op deze pagina. De terugknop van je browser verlaat de melding, en wat je invulde is dan weg.
report-history-no-js = Je browser gebruikt geen JavaScript, dus elke stap van deze melding blijft in de geschiedenis van je browser staan. Na “Snel weg” tonen die stappen niets meer van wat je invulde. Wil je ze helemaal weghalen? Wis je browsegeschiedenis, of gebruik de volgende keer een privévenster.
report-safety-safe = { $who ->
    [child] Ja, mijn kind is nu veilig
    [other] Ja, die persoon is nu veilig
   *[self] Ja, ik ben nu veilig
}
report-safety-danger = { $who ->
    [child] Nee, mijn kind is in gevaar
    [other] Nee, die persoon is in gevaar
   *[self] Nee, ik ben in gevaar
}
report-safety-suicidal = { $who ->
    [child] Mijn kind denkt aan zelfdoding
    [other] Die persoon denkt aan zelfdoding
   *[self] Ik denk aan zelfdoding
}
report-acute-title = Krijg nu meteen hulp
report-acute-text = Is iemand in gevaar? Bel het alarmnummer. Dat is gratis, dag en nacht.
report-acute-call-112 = Bel 112 (alarmnummer)
report-acute-suicide-text = Denk je aan zelfdoding? Praat er nu over met 113 Zelfmoordpreventie, gratis en anoniem.
report-acute-call-113 = Bel 113 (0800-0113)
report-acute-elsewhere = 112 werkt in elk EU-land. Buiten Nederland vind je de hulplijnen van je land op de hulppagina.
report-acute-continue-text = Als je er klaar voor bent, kun je verder met je melding. Je kunt ook later terugkomen.
report-acute-continue = Verder met de melding
report-happened-title = { $who ->
    [child] Wat is er met je kind gebeurd?
    [other] Wat is er gebeurd?
   *[self] Wat is er gebeurd?
}
report-happened-hint = Kies alles wat klopt.
report-happened-sextortion = { $who ->
    [child] Iemand dreigt beelden van mijn kind te delen als mijn kind niet betaalt of meer stuurt
   *[self] Iemand dreigt mijn beelden te delen als ik niet betaal of meer stuur
}
report-happened-shared = { $who ->
    [child] Naaktbeelden van mijn kind worden zonder toestemming gedeeld
    [other] Naaktbeelden van die persoon worden zonder toestemming gedeeld
   *[self] Mijn naaktbeelden worden zonder mijn toestemming gedeeld
}
report-happened-fake = { $who ->
    [child] Nepnaaktbeelden van mijn kind, of gemaakt met AI
    [other] Nepnaaktbeelden van die persoon, of gemaakt met AI
   *[self] Nepnaaktbeelden van mij, of gemaakt met AI
}
report-happened-csam = Beelden van seksueel misbruik van een kind (ik sta er zelf niet op)
report-happened-pressured = Iemand zet online een kind onder druk
report-happened-other = Iets anders
report-happened-other-label = Wil je ons nog iets vertellen? (niet verplicht)
report-about-title = Over jou
report-for-legend = Voor wie meld je?
report-for-myself = Voor mezelf
report-for-my-child = Voor mijn kind
report-for-someone-else = Voor iemand anders
report-age-legend = { $who ->
    [child] Hoe oud is je kind?
    [other] Hoe oud is die persoon?
   *[self] Hoe oud ben je?
}
report-age-under-13 = Jonger dan 13
report-age-13-15 = 13 tot en met 15
report-age-16-17 = 16 of 17
report-age-18-24 = 18 tot en met 24
report-age-25-plus = 25 of ouder
report-age-not-said = Zeg ik liever niet
report-country-label = { $who ->
    [child] In welk land woont je kind?
   *[self] In welk land woon je?
}
report-country-choose = Kies een land
report-reply-language-label = In welke taal zullen we antwoorden?
report-where-title = { $who ->
    [child] Waar staan de beelden van je kind?
   *[self] Waar staan de beelden?
}
report-where-hint = Geef webadressen als je die hebt. Geen adres? Noem dan de app of site en het account.
report-urls-label = Webadressen
report-urls-hint = Eén per regel, hoogstens { $max }. Kopieer ze uit de adresbalk of via de deelknop.
report-account-legend = App of website en account
report-platform-label = App of website (bijv. Instagram)
report-handle-label = Accountnaam of gebruikersnaam
report-files-step-title = { $who ->
    [child] Foto's en video's van je kind
   *[self] Foto's en video's
}
report-files-added = Al toegevoegde vingerafdrukken
report-file-photo = Foto { $n }
report-file-video = Video { $n }
report-file-other = Bestand { $n }
report-check-title = Controleer wat we versturen
report-check-intro = Dit is alles wat wij ontvangen. Verder verlaat niets je apparaat.
report-check-none = Geen
report-check-files = Bestanden
report-check-files-text = { $images ->
    [0] Geen foto's
    [one] Een vingerafdruk van 1 foto
   *[other] Vingerafdrukken van { $images } foto's
}{ $others ->
    [0] {""}
    [one] , en van 1 video of ander bestand
   *[other] , en van { $others } video's of andere bestanden
}. We versturen vingerafdrukken, niet de foto's.
report-contact-legend = Mogen we contact met je opnemen? (niet verplicht)
report-contact-hint = Alleen als je dat wilt. We bewaren het versleuteld, gebruiken het alleen voor deze melding en verwijderen het samen met de melding.
report-contact-consent = Ja, jullie mogen contact met mij opnemen over deze melding
report-contact-label = E-mailadres of telefoonnummer
report-sent-title = Je melding is verstuurd
report-sent-text = Dank je wel. Je hebt het goede gedaan. We bekijken je melding snel.
report-receipt-title = Je bewijscode
report-receipt-once = We laten deze code maar één keer zien. Alleen hiermee kun je je melding volgen: wij weten niet wie je bent.
report-receipt-copy = Kopieer de code
report-receipt-copied = Gekopieerd
report-receipt-save = Bewaar als bestand
report-receipt-tip-write = Schrijf hem op of bewaar hem ergens waar alleen jij kunt kijken.
report-receipt-tip-private = Deel hem met niemand: met de code kan iemand je melding lezen.
report-receipt-tip-lost = Kwijt? Dan kun je altijd een nieuwe melding doen.
report-receipt-file-text = Bewijscode: { $receipt }
report-next-title = Wat gebeurt er nu
report-next-text = Onze medewerkers bekijken elke melding en vragen websites de beelden te verwijderen. Met je bewijscode zie je hoe het ervoor staat en lees je berichten. Je staat er niet alleen voor.
report-next-help = Vind iemand om mee te praten
report-go-follow-up = Bekijk mijn melding
report-already-sent-title = Deze melding is al verstuurd
report-already-sent-text = We hebben hem al ontvangen. Voor je veiligheid laten we de bewijscode maar één keer zien.

## Report: messages for answers that need fixing

report-error-summary = Kijk deze antwoorden nog even na
report-error-on-line = Regel { $line }:
report-error-choose-one = Kies er een.
report-error-choose-at-least-one = Kies er minstens een.
report-error-tell-us-more = Vertel ons iets meer.
report-error-too-long = Dit is te lang. Maak het wat korter.
report-error-choose-country = Kies een land.
report-error-url-invalid = Dit is geen webadres dat we kunnen gebruiken.
report-error-url-spaces = Een webadres heeft geen spaties. Zet elk adres op een eigen regel.
report-error-url-scheme = Geef een webadres dat begint met https:// of http://.
report-error-url-too-long = Dit webadres is te lang.
report-error-url-private = Dit adres wijst naar een privénetwerk of naar dit apparaat, niet naar een website die anderen kunnen openen. Geef het adres zoals het in je browser staat als je de website zelf bekijkt.
report-error-url-too-many = Je kunt hoogstens 20 adressen per melding geven. Later kun je er meer toevoegen.
report-error-files-invalid = Er ging iets mis met de vingerafdrukken. Kies de bestanden opnieuw.
report-error-files-too-many = Je kunt hoogstens 20 bestanden per melding toevoegen. Later kun je er meer toevoegen.
report-error-contact-consent = Vink het vakje aan als we contact mogen opnemen, of laat het contactveld leeg.
report-error-contact-missing = Geef een e-mailadres of telefoonnummer, of vink het vakje uit.
report-error-nothing-to-remove = Geef minstens één webadres, een account of een bestand, zodat we weten wat er weg moet.
report-error-busy = Er zijn net veel meldingen vanaf hier verstuurd. Wacht een paar minuten en probeer het opnieuw. Je antwoorden blijven bewaard.
report-check-working = Er kwamen net veel meldingen vanaf hier. Voordat we de jouwe versturen, doet je browser een korte controle. Dat duurt een paar seconden.
report-check-needs-js = Voor deze controle is JavaScript nodig. Zonder JavaScript: wacht tien minuten en verstuur dan opnieuw. Je antwoorden blijven bewaard.
report-error-not-saved = We konden je melding nu niet opslaan. Probeer het opnieuw. Je antwoorden blijven bewaard.
report-error-connection = De verbinding viel weg. Probeer het opnieuw. Je antwoorden blijven bewaard.

## Countries and languages

country-AT = Oostenrijk
country-BE = België
country-BG = Bulgarije
country-CY = Cyprus
country-CZ = Tsjechië
country-DE = Duitsland
country-DK = Denemarken
country-EE = Estland
country-ES = Spanje
country-FI = Finland
country-FR = Frankrijk
country-GB = Verenigd Koninkrijk
country-GR = Griekenland
country-HR = Kroatië
country-HU = Hongarije
country-IE = Ierland
country-IT = Italië
country-LT = Litouwen
country-LU = Luxemburg
country-LV = Letland
country-MT = Malta
country-NL = Nederland
country-PL = Polen
country-PT = Portugal
country-RO = Roemenië
country-SE = Zweden
country-SI = Slovenië
country-SK = Slowakije
country-ZZ = Een ander land
country- = Niet ingevuld
language-en = Engels
language-nl = Nederlands
language- = Niet ingevuld

## Follow-up: signing in with the receipt

follow-up-receipt-label = Je bewijscode
follow-up-receipt-hint = De code die je kreeg toen je meldde, zoals ABCDE-12345-FGHJK-67890. Hoofdletters en streepjes maken niet uit.
follow-up-sign-in = Toon mijn melding
follow-up-lost-receipt = Bewijscode kwijt? Die kunnen we niet voor je opzoeken, want we weten niet wie je bent. Je kunt altijd een nieuwe melding doen.
follow-up-signed-in = Dit is je melding. Alleen jij kunt hem zien, met je bewijscode.
follow-up-items-title = Wat je hebt gemeld
follow-up-status-received = Ontvangen. We bekijken het snel.
follow-up-status-in-review = Onze medewerkers bekijken het.
follow-up-status-notice-sent = We hebben { $provider } ({ $country }) op { $date } gevraagd het te verwijderen. Dat moet uiterlijk { $deadline } gebeurd zijn.
follow-up-status-removed = Verwijderd op { $date }.
follow-up-status-escalated = { $provider } heeft het niet op tijd verwijderd. We hebben het verder opgepakt.
follow-up-messages-title = Berichten
follow-up-no-messages = Nog geen berichten. We schrijven hier als we iets van je nodig hebben.
follow-up-from-staff = Van onze medewerkers
follow-up-from-you = Van jou
follow-up-reply-label = Schrijf een bericht
follow-up-reply-send = Verstuur bericht
follow-up-add-title = Webadressen toevoegen
follow-up-add-send = Adressen toevoegen
follow-up-withdraw-title = Je melding intrekken
follow-up-withdraw-text = Als je intrekt, verwijderen we je melding met de adressen, vingerafdrukken en berichten. Verzoeken die al naar websites zijn gestuurd, kunnen we niet terugdraaien.
follow-up-withdraw = Intrekken en alles verwijderen
follow-up-withdraw-confirm-text = Weet je het zeker? Dit kan niet ongedaan worden. Je bewijscode werkt daarna niet meer.
follow-up-withdraw-confirm = Ja, verwijder alles
follow-up-withdraw-keep = Nee, bewaar mijn melding
follow-up-withdrawn = Je melding is ingetrokken en alles is verwijderd.
follow-up-withdrawn-platforms = We laten deze platforms weten dat ze de vingerafdrukken van je bestanden uit hun lijsten moeten halen: { $platforms }.
follow-up-platforms = De vingerafdrukken van je bestanden staan op de lijst die deze platforms gebruiken om kopieën tegen te houden: { $platforms }. Als je intrekt, horen ze dat binnen een minuut.
follow-up-sign-out = Uitloggen
follow-up-signed-out = Je bent uitgelogd.
follow-up-signed-out-idle = Je bent uitgelogd omdat er een tijdje niets gebeurde. Vul je bewijscode opnieuw in om verder te gaan.
follow-up-text-kept = Wat je schreef is bewaard. Vul je bewijscode in, dan staat het weer in het vak, klaar om te versturen.
follow-up-text-to-copy = Je melding kan nu even niet worden geopend. Wat je schreef staat hieronder: kopieer het naar een veilige plek en probeer het over een paar minuten opnieuw.
follow-up-kept-after-sign-in = Je bent weer ingelogd. Wat je schreef staat weer in het vak: kijk het na en verstuur het.
follow-up-idle-note = Voor je veiligheid word je na 15 minuten zonder activiteit uitgelogd, en als je de browser sluit.
follow-up-error-receipt-format = Dit lijkt geen bewijscode. Een bewijscode heeft 20 letters en cijfers.
follow-up-error-receipt-unknown = Deze bewijscode kennen we niet. Controleer hem en probeer het opnieuw.
follow-up-error-too-many = Te veel pogingen. Wacht een minuut en probeer het opnieuw.
follow-up-error-message-empty = Schrijf eerst een bericht.
follow-up-error-urls-empty = Geef minstens één webadres.
follow-up-error-form-expired = Dit formulier is verlopen. Probeer het opnieuw.
follow-up-error-try-again = Er ging bij ons iets mis. Probeer het opnieuw.
follow-up-error-connection = De verbinding viel weg, dus dit is niet verstuurd. Wat je schreef staat er nog: probeer het opnieuw.

## Countries hosts are often in (hosting lookups)
country-CH = Zwitserland
country-NO = Noorwegen
country-IS = IJsland
country-LI = Liechtenstein
country-US = de Verenigde Staten
country-CA = Canada
country-RU = Rusland
country-UA = Oekraïne
country-TR = Turkije
country-RS = Servië
country-MD = Moldavië
country-SG = Singapore
country-HK = Hongkong
country-JP = Japan
country-CN = China
country-IN = India
country-AU = Australië
country-BR = Brazilië
country-MX = Mexico
country-ZA = Zuid-Afrika
country-SC = de Seychellen
country-PA = Panama
country-VG = de Britse Maagdeneilanden

follow-up-hosted-in = Gehost door { $name } in { $country }.
follow-up-hosted-by = Gehost door { $name }.
follow-up-notice-sent = Op { $on } hebben we { $to } gevraagd het te verwijderen, uiterlijk { $deadline } UTC.
follow-up-notice-hotline = Op { $on } hebben we het doorgegeven aan { $to }, een meldpunt dat het via het netwerk van meldpunten laat verwijderen.
follow-up-notice-going = We vragen { $to } om het te verwijderen.
follow-up-notice-hotline-going = We geven het door aan { $to }, een meldpunt dat het via het netwerk van meldpunten laat verwijderen.
