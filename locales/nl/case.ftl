## Werkplek voor medewerkers

staff-title = Werkplek voor medewerkers

## Wachtrij en zaakweergave (alleen voor medewerkers, desktop).

case-queue-title = Zaken op urgentie
case-queue-empty = Geen zaken die aan deze filters voldoen.
case-queue-count-open = { $count ->
    [one] Eén open zaak, meest urgent eerst.
   *[other] { $count } open zaken, meest urgent eerst.
}
case-queue-count-closed = { $count ->
    [one] Eén gesloten zaak.
   *[other] { $count } gesloten zaken.
}
case-queue-previous = Vorige pagina
case-queue-next = Volgende pagina
case-queue-pages = Pagina's van de wachtrij
case-queue-items =
    { $count ->
        [one] 1 item
       *[other] { $count } items
    }, { $online } online
case-filter-status = Status
case-filter-open = Open
case-filter-closed = Gesloten
case-filter-country = Land
case-filter-category = Wat er gebeurde
case-filter-any = Alle
case-filter-mine = Alleen zaken die aan mij zijn toegewezen
case-filter-apply = Toon
case-column-rank = Plaats
case-column-case = Zaak
case-column-urgency = Urgentie
case-column-age = Leeftijd
case-column-country = Land
case-column-happened = Wat er gebeurde
case-column-items = Items
case-column-reported = Gemeld (UTC)
case-column-assigned = Toegewezen aan
case-unassigned = Niet toegewezen
case-link = Zaak { $id }
case-title = Zaak { $id }
case-back-to-queue = Terug naar de wachtrij

case-urgency-score = Urgentie { $score }
case-reason-danger = Nu in gevaar
case-reason-suicidal = Gedachten aan zelfdoding
case-reason-minor = Jonger dan 18
case-reason-sextortion = Sextortion
case-reason-urls-online = { $count ->
    [one] Eén adres online
   *[other] { $count } adressen online
}
case-reason-waiting = Wacht { $hours } u

case-happened-sextortion = Sextortion (afpersing met beelden)
case-happened-shared = Gedeeld zonder toestemming
case-happened-fake = Nepnaaktbeelden of met AI gemaakt
case-happened-csam = Materiaal van seksueel misbruik van kinderen
case-happened-pressured = Een kind onder druk gezet om beelden te sturen
case-happened-other = Iets anders
case-age-under-13 = Jonger dan 13
case-age-13-15 = 13 tot 15
case-age-16-17 = 16 of 17
case-age-18-24 = 18 tot 24
case-age-25-plus = 25 of ouder
case-age-not-said = Niet gezegd
case-for-myself = De melder zelf
case-for-my-child = Het kind van de melder
case-for-someone-else = Iemand anders
case-safety-safe = Nu veilig
case-safety-danger = Nu in gevaar
case-safety-suicidal = Heeft gedachten aan zelfdoding
case-contact-given = Heeft contactgegevens achtergelaten (versleuteld bewaard)
case-contact-none = Geen contactgegevens: antwoord via berichten

case-summary-title = Samenvatting
case-status-open = Open
case-status-closed = Gesloten
case-reported-at = Gemeld { $at } UTC
case-assigned-to = Toegewezen aan { $name }
case-claim = Neem deze zaak
case-assign-label = Toewijzen aan
case-assign = Toewijzen
case-release = Terug naar de wachtrij

case-answers-title = Wat de melder ons vertelde
case-answer-for = Wiens beelden
case-answer-safety = Veiligheid
case-answer-happened = Wat er gebeurde
case-answer-age = Leeftijd
case-answer-country = Land
case-answer-language = Antwoorden in
case-answer-contact = Contact

case-items-title = Items
case-item-url = Adres
case-item-account = Account
case-item-image = Afbeelding (alleen hashes)
case-item-video = Video (alleen hashes)
case-item-file = Bestand (alleen hashes)
case-item-pdq-quality = PDQ-kwaliteit { $quality }
case-item-pdq-low = laag: overeenkomsten kunnen gemist worden
case-item-video-frames = Gehashte videobeelden
case-item-also-in = Ook gemeld in:
case-item-removed = Verwijderd.
case-verdict-csam = Materiaal van seksueel misbruik van kinderen
case-verdict-non-consensual = Intiem beeld zonder toestemming
case-verdict-not-illegal = Niet illegaal
case-verdict-cannot-assess = Niet te beoordelen
case-assessed-by = { $name }, { $at }
case-assess-verdict = Beoordeling
case-assess-reason = Reden
case-assess = Beoordeling opslaan

case-messages-title = Berichten met de melder
case-messages-none = Nog geen berichten.
case-message-from-staff = Medewerker
case-message-from-reporter = Melder
case-message-label = Bericht aan de melder
case-message-hint = De melder leest dit na inloggen met de ontvangstcode. Schrijf eenvoudig en vriendelijk; vraag niet om beelden.
case-message-send = Bericht sturen

case-notes-title = Interne notities
case-notes-hint = Alleen medewerkers zien deze. De melder nooit.
case-note-label = Notitie
case-note-add = Notitie toevoegen

case-timeline-title = Tijdlijn
case-timeline-received = Melding ontvangen
case-timeline-reporter-wrote = De melder schreef een bericht
case-timeline-case-assigned = Toegewezen
case-timeline-case-released = Terug naar de wachtrij
case-timeline-item-assessed = Item beoordeeld
case-timeline-case-reporter-messaged = Bericht naar de melder gestuurd
case-timeline-case-note-added = Interne notitie toegevoegd
case-timeline-case-closed = Zaak gesloten
case-timeline-case-reopened = Zaak heropend
case-timeline-case-transferred = Naar een andere organisatie verplaatst
case-timeline-staff-action = Handeling van een medewerker

case-close = Zaak sluiten
case-reopen = Zaak heropenen

case-done-claimed = Je hebt deze zaak genomen.
case-done-assigned = De zaak is toegewezen.
case-done-released = De zaak staat weer in de wachtrij.
case-done-assessed = De beoordeling is opgeslagen.
case-done-messaged = Het bericht is verstuurd. De melder ziet het met de ontvangstcode.
case-done-noted = De notitie is toegevoegd.
case-done-closed = De zaak is gesloten.
case-done-reopened = De zaak is weer open.

case-error-unknown = Deze zaak bestaat niet. Misschien heeft de melder haar ingetrokken.
case-error-item-unknown = Dat item hoort niet bij deze zaak.
case-error-staff-unknown = Die collega kan geen zaken nemen.
case-error-reason-missing = Geef een reden voor de beoordeling.
case-error-empty = Schrijf eerst iets.
case-error-too-long = Deze tekst is te lang. Maak hem korter.
case-error-closed = De zaak is al gesloten.
case-error-open = De zaak is al open.
case-error-choose = Kies wat je wilt doen.

case-done-transferred = De zaak is naar de andere organisatie verplaatst. Hij staat niet meer in jouw wachtrij.
case-error-organisation-unknown = Kies een van de organisaties in de lijst.
case-owner-title = Organisatie
case-owner = Deze zaak hoort bij { $name }.
case-owner-none = Deze zaak hoort bij de medewerkers van het portaal zelf.
case-transfer-label = Verplaatsen naar
case-transfer = Zaak verplaatsen
case-transfer-hint = Bijvoorbeeld naar het meldpunt van het land waar de beelden gehost worden. De zaak verdwijnt uit jouw wachtrij en is niet meer toegewezen; de melder merkt er niets van en houdt de bewijscode.

case-done-resolving = De hosting wordt opnieuw opgezocht. Laad de pagina zo opnieuw.
case-hosting-pending = We zoeken op waar dit gehost wordt…
case-hosting-again = Opnieuw opzoeken
case-hosting-host = Host
case-hosting-via = Via
case-hosting-addresses = Adressen
case-hosting-network = Netwerk
case-hosting-asn = AS
case-hosting-cdn = CDN ervoor
case-hosting-registrar = Registrar
case-hosting-abuse = Abuse-contacten
case-hosting-abuse-network = { $email } (netwerk)
case-hosting-abuse-registrar = { $email } (registrar)
case-hosting-provider = Wie we inlichten
case-hosting-channel-api = via API
case-hosting-channel-email = per e-mail
case-hosting-channel-web-form = via webformulier
case-hosting-channel-none = geen kanaal bekend
case-hosting-checked = Opgezocht op { $at } (UTC).
case-hosting-problems = Niet gevonden:
case-hosting-stage-url = adres
case-hosting-stage-dns = DNS
case-hosting-stage-asn = AS
case-hosting-stage-rdap-ip = netwerk (RDAP)
case-hosting-stage-rdap-domain = registrar (RDAP)
case-hosting-error-invalid-url = geen webadres
case-hosting-error-nxdomain = de naam bestaat niet
case-hosting-error-no-address = de naam heeft geen adres
case-hosting-error-timeout = geen antwoord op tijd
case-hosting-error-dns-failed = de DNS-server gaf een fout
case-hosting-error-rdap-no-server = geen register bekend
case-hosting-error-rdap-not-found = het register kent het niet
case-hosting-error-rdap-rate-limited = het register vraagt ons te wachten
case-hosting-error-rdap-failed = het antwoord van het register was onbruikbaar
case-hosting-error-body-too-large = het antwoord was te groot
case-hosting-error-private-address = het wijst naar een privéadres
case-hosting-error-asn-not-found = geen AS gevonden

case-done-notice-queued = Het verzoek staat klaar en gaat zo de deur uit.
case-done-notice-task = Het verzoek is nu een taak: dien het in op het getoonde adres en markeer het dan als ingediend.
case-done-notice-filed = Gemarkeerd als ingediend.
case-error-notice-unknown = Dat verzoek wordt niet meer voorgesteld: misschien is het al verstuurd. Kijk bij de verzoeken hieronder.
case-error-notice-changed = Het verzoek is veranderd sinds u het las (er is een adres beoordeeld, of de hosting opnieuw gevonden). Lees het opnieuw voordat u het verstuurt.
case-error-notice-not-task = Dat verzoek hoeft niet (meer) ingediend te worden.
case-timeline-notice-sent = Verwijderverzoek verstuurd
case-timeline-notice-delivered = Verwijderverzoek bezorgd
case-timeline-notice-failed = Verwijderverzoek kon niet worden bezorgd
case-timeline-notice-filed = Verwijderverzoek met de hand ingediend
case-timeline-case-viewed = Heeft de zaak bekeken
