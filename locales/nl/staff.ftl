## Werkplek voor medewerkers: inloggen, beheer, audittrail (alleen medewerkers, desktop)

staff-sign-in-intro = Medewerkers van hulplijnen, analisten, casemanagers, zorgpartners en beheerders loggen hier in met het account van hun organisatie.
staff-sign-in-button = Inloggen met het account van je organisatie
staff-sign-out = Uitloggen
staff-shell-brand = { -portal-name } werkplek
staff-signed-out = Je bent uitgelogd.
staff-sign-in-refused = Dit account is niet uitgenodigd voor de werkplek. Vraag een beheerder van het portaal om je uit te nodigen en log daarna opnieuw in.
staff-sign-in-failed = Inloggen is niet gelukt. Probeer het opnieuw.
staff-sign-in-unavailable = Inloggen kan nu niet: de identiteitsprovider is niet bereikbaar of niet ingesteld.
staff-sign-in-busy = Vanaf dit adres zijn de afgelopen minuut te veel inlogpogingen gestart. Wacht een minuut en log dan opnieuw in.
staff-refused-signed-out = Log in om deze pagina te zien.
staff-draft-kept = Je was uitgelogd, dus dit is niet opgeslagen. Wat je schreef is bewaard: log opnieuw in, dan staat het weer in het vak op deze pagina.
staff-draft-restored = Je bent weer ingelogd. Wat je eerder schreef staat weer in het vak: kijk het na en verstuur het.
staff-refused-role = Je rol geeft geen toegang tot deze pagina.
staff-error-try-again = Er ging iets mis. Probeer het opnieuw.

# Variables:
#   $name (String) - The staff member's name
#   $role (String) - Their role, e.g. "Analyst"
staff-signed-in-as = Ingelogd als { $name } ({ $role }).
# Variables:
#   $organisation (String) - The staff member's organisation
staff-organisation = Organisatie: { $organisation }

staff-role-helpline-staff = Hulplijnmedewerker
staff-role-analyst = Analist
staff-role-caseworker = Casemanager
staff-role-care-partner = Zorgpartner
staff-role-administrator = Beheerder

## Beheer

staff-admin-title = Medewerkers en organisaties
staff-admin-invite-title = Een medewerker uitnodigen
staff-admin-invite-hint = Het account wordt aangemaakt zodra deze persoon voor het eerst inlogt met het uitgenodigde adres, bevestigd door de identiteitsprovider van de organisatie.
staff-admin-email-label = E-mailadres
staff-admin-role-label = Rol
staff-admin-organisation-label = Organisatie
staff-admin-invite-button = Uitnodigen
staff-admin-invited = De uitnodiging is opgeslagen.
staff-admin-invitations-title = Openstaande uitnodigingen
staff-admin-staff-title = Medewerkers
staff-admin-role-for = Rol voor
staff-admin-change-role = Rol wijzigen
staff-admin-role-changed = De rol is gewijzigd.
staff-admin-organisations-title = Organisaties
staff-admin-organisation-name-label = Naam van de organisatie
staff-admin-organisation-kind-label = Soort organisatie
staff-admin-add-organisation-button = Organisatie toevoegen
staff-admin-organisation-added = De organisatie is toegevoegd.
staff-admin-column-who = Uitgenodigd
staff-admin-column-name = Naam
staff-admin-column-email = E-mailadres
staff-admin-column-role = Rol
staff-admin-column-organisation = Organisatie
staff-admin-column-invited = Uitgenodigd op
staff-admin-column-last-sign-in = Laatst ingelogd
staff-organisation-none = Geen organisatie
staff-organisation-kind-helpline = Hulplijn
staff-organisation-kind-hotline = Meldpunt
staff-organisation-kind-care-centre = Zorgcentrum
staff-organisation-kind-authority = Autoriteit
staff-organisation-kind-other = Anders

staff-error-email = Vul een e-mailadres in, zoals naam@organisatie.nl.
staff-error-organisation-required = Een zorgpartner hoort bij een organisatie. Kies er een, of voeg die hieronder eerst toe.
staff-error-organisation-unknown = Die organisatie bestaat niet (meer).
staff-error-staff-unknown = Die medewerker of rol bestaat niet.
staff-error-own-role = Je kunt je eigen rol niet wijzigen. Vraag een andere beheerder.
staff-error-name = Vul een naam in van hoogstens 200 tekens.
staff-error-organisation-exists = Er bestaat al een organisatie met deze naam.
staff-error-already-invited = Deze persoon is al uitgenodigd of heeft al een account.
staff-error-form-expired = Dit formulier is verlopen. Probeer het opnieuw.

## Audittrail

staff-audit-title = Audittrail
# Variables:
#   $count (Number) - How many events were checked
staff-audit-chain-intact =
    { $count ->
        [one] De audittrail is intact: { $count } gebeurtenis gecontroleerd.
       *[other] De audittrail is intact: { $count } gebeurtenissen gecontroleerd.
    }
# Variables:
#   $id (Number) - The first event that does not fit the chain
staff-audit-chain-broken = De audittrail is gewijzigd: gebeurtenis { $id } past niet in de keten.
# Variables:
#   $id (Number) - The newest event's number
#   $hash (String) - The newest event's hash
staff-audit-head = Nieuwste gebeurtenis: { $id }, hash { $hash }. Bewaar dit buiten het portaal: `portal audit verify --checkpoint` controleert de audittrail er later mee. Het portaal schrijft het ook in zijn log.
staff-audit-column-when = Wanneer (UTC)
staff-audit-column-who = Wie
staff-audit-column-what = Wat
staff-audit-column-case = Zaak
staff-audit-column-target = Over
staff-audit-column-detail = Details

## Achtergrondtaken (pagina voor beheerders)

staff-admin-jobs-title = Achtergrondtaken
# Variables:
#   $count (Number) - Jobs queued or running now
staff-admin-jobs-pending =
    { $count ->
        [one] { $count } taak wacht of loopt.
       *[other] { $count } taken wachten of lopen.
    }
staff-admin-jobs-none-dead = Geen taak is definitief mislukt.
staff-admin-jobs-dead-caption = Taken die definitief mislukt zijn. Ze worden niet vanzelf opnieuw geprobeerd.
staff-admin-jobs-column-id = Taak
staff-admin-jobs-column-kind = Wat ze doet
staff-admin-jobs-column-attempts = Pogingen
staff-admin-jobs-column-error = Laatste fout
staff-admin-jobs-column-last-tried = Laatst geprobeerd (UTC)
staff-job-kind-delete-closed-reports = Gesloten meldingen verwijderen na de bewaartermijn
staff-job-kind-delete-expired-sessions = Verlopen aanmeldsessies verwijderen

## Wie nieuwe meldingen behandelt (pagina voor beheerders)

staff-admin-owner-rules-title = Wie nieuwe meldingen behandelt
staff-admin-owner-rules-intro = Elke nieuwe melding gaat naar één organisatie: de regel voor haar land en categorie, anders de regel voor haar land, anders voor haar categorie, anders de standaardregel (elk land, elke categorie). Medewerkers zien alleen de zaken van hun eigen organisatie.
staff-admin-owner-rules-none = Nog geen regel: nieuwe meldingen gaan naar medewerkers die bij geen organisatie horen.
staff-admin-owner-rule-column-country = Land
staff-admin-owner-rule-column-category = Categorie
staff-admin-owner-rule-column-organisation = Organisatie
staff-admin-owner-rule-any-country = Elk land
staff-admin-owner-rule-any-category = Elke categorie
staff-admin-owner-rule-button = Regel instellen
staff-admin-owner-rule-set = De regel is ingesteld. Hij geldt voor nieuwe meldingen.
staff-case-category-csam = Materiaal van seksueel misbruik van een kind
staff-case-category-ncii = Intieme beelden van een volwassene
staff-error-country-unknown = Kies een land uit de lijst.
