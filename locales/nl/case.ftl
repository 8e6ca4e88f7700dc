## Werkplek voor medewerkers

staff-title = Werkplek voor medewerkers
staff-intro = Medewerkers van hulplijnen, analisten, casemanagers en zorgpartners loggen hier straks in met het account van hun organisatie.
