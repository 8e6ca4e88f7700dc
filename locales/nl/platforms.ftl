# De hashlijst voor platforms (werkplek voor medewerkers): sleutels van beheerders, besluiten van analisten.
platform-list-title = Sleutels van platforms
platform-intro = Platforms gebruiken deze sleutels om de hashlijst te lezen, vingerafdrukken ermee te vergelijken en te laten weten wat ze deden. Een sleutel ziet alleen de lijsten die erbij horen.
platform-list-empty = Nog geen platform heeft een sleutel.
platform-column-name = Platform
platform-column-key = Sleutel begint met
platform-column-scopes = Mag
platform-column-lists = Lijsten
platform-column-per-minute = Verzoeken per minuut
platform-column-webhook = Webhook
platform-column-usage = Gebruik in 30 dagen
platform-column-created = Gemaakt
platform-column-state = Status
platform-usage = { $calls ->
    [one] 1 verzoek
   *[other] { $calls } verzoeken
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}
platform-no-webhook = Geen
platform-state-active = In gebruik
platform-state-sandbox = In gebruik (sandbox)
platform-state-revoked = Ingetrokken op { $at }
platform-scope-read = De lijst en wijzigingen lezen
platform-scope-match = Vingerafdrukken vergelijken
platform-scope-feedback = Terugmelden
platform-revoke = Intrekken…
platform-revoke-confirm = Vanaf nu wordt elk verzoek met de sleutel van { $name } geweigerd en wordt de webhook niet meer aangeroepen. Dit kan niet ongedaan worden: het platform heeft dan een nieuwe sleutel nodig.
platform-revoke-button = Sleutel intrekken
platform-done-revoked = De sleutel is ingetrokken.
platform-add-title = Sleutel maken
platform-add-hint = De sleutel ziet u één keer, direct nadat u hem maakt. Het portaal bewaart alleen een vingerafdruk ervan.
platform-field-name = Naam van het platform
platform-field-scopes = Wat de sleutel mag
platform-field-lists = Lijsten die hij ziet
platform-field-per-minute = Verzoeken per minuut voordat hij moet wachten
platform-field-sandbox = Sandboxsleutel
platform-field-sandbox-hint = Hij ziet alleen een verzonnen lijst, zodat het platform de koppeling kan bouwen zonder echte gegevens.
platform-add-button = Sleutel maken
platform-created-title = De sleutel van { $name }
platform-created-text = Kopieer hem nu en geef hem veilig aan het platform: u ziet hem niet nog eens. Kwijt? Trek hem in en maak een nieuwe.
platform-created-example = Een eerste verzoek ermee:
platform-error-name = Geef het platform een naam van hoogstens 100 tekens.
platform-error-name-taken = Een platform met die naam heeft al een sleutel. Kies een andere naam, of trek eerst de oude sleutel in.
platform-error-scopes = Kies minstens één ding dat de sleutel mag.
platform-error-lists = Kies minstens één lijst.
platform-error-per-minute = Geef een aantal verzoeken per minuut van 1 tot 100.000.

hash-list-title = Hashlijst
hash-list-intro = Vingerafdrukken van gemelde bestanden, waarmee platforms kopieën tegenhouden. U ziet de bestanden nooit; u beslist op wat de zaak en de platforms zeggen.
hash-list-csam = Materiaal van seksueel misbruik van kinderen
hash-list-ncii = Intieme beelden van volwassenen
hash-list-ai = Met AI gemaakte intieme beelden van volwassenen
hash-list-column-list = Lijst
hash-list-column-self-reported = Uit meldingen, niet beoordeeld
hash-list-column-confirmed = Bevestigd door een analist
hash-list-column-disputed = Betwist
hash-list-column-withdrawn = Ingetrokken
hash-list-disputed-title = Platforms zijn het oneens
hash-list-disputed-hint = Eén platform greep in op deze vingerafdrukken en een ander vond er niets mis mee. Bevestig een item om het als bevestigd op de lijst te houden, of trek het in bij elk platform.
hash-list-disputed-none = Geen enkel item is betwist.
hash-list-case = zaak { $id }
hash-list-verdict-actioned = greep in
hash-list-verdict-not-violating = vond niets mis
hash-list-verdict-under-review = beoordeelt het nog
hash-list-verdict-cannot-review = kon het niet beoordelen
hash-list-confirm = Bevestigen
hash-list-withdraw = Intrekken bij elk platform
hash-list-done-confirmed = Het item is bevestigd; de platforms horen het in de volgende ronde.
hash-list-done-withdrawn = Het item is ingetrokken; de platforms horen het in de volgende ronde.
hash-list-error-gone = Over dat item is intussen besloten, of het is ingetrokken.
