# Die Meldung nach Artikel 16 DSA, auf Deutsch. Danach folgt immer der englische Text.
# DRAFT: written by the project, not yet reviewed by a native speaker (status below). The
# portal sends it, with the English copy, and says so to staff until it is reviewed.
notice-template-status = draft
notice-subject = Meldung nach Artikel 16 DSA: { $category }, Aktenzeichen { $reference }
notice-category-csam = Darstellungen sexuellen Missbrauchs von Kindern
notice-category-ncii = ohne Einwilligung verbreitete intime Aufnahmen
notice-category-ai = ohne Einwilligung erstellte oder veränderte sexuelle Bilder einer realen Person
notice-greeting = An das Team, das bei { $provider } Meldungen bearbeitet,
notice-greeting-unknown = An das Team, das Meldungen bearbeitet,
notice-intro = { $notifier } meldet Ihnen rechtswidrige Inhalte auf Ihrem Dienst nach Artikel 16 des Gesetzes über digitale Dienste (Verordnung (EU) 2022/2065). Bitte entfernen Sie diese Inhalte oder sperren Sie den Zugang zu ihnen.
notice-location-heading = 1. Wo sie sich befinden (Art. 16 Abs. 2 Buchst. b)
notice-location-count = { $count ->
    [one] Die genaue Adresse:
   *[other] Die genauen Adressen ({ $count }):
}
notice-reasons-heading = 2. Warum sie rechtswidrig sind (Art. 16 Abs. 2 Buchst. a)
notice-reason-csam = Eine geschulte Analystin oder ein geschulter Analyst von { $notifier } hat das Material geprüft. Es zeigt den sexuellen Missbrauch eines Kindes; das Speichern oder Verbreiten ist in jedem EU-Mitgliedstaat strafbar. Es wurde keine Kopie erstellt, aufbewahrt oder versandt.
notice-reason-ncii = Eine geschulte Analystin oder ein geschulter Analyst von { $notifier } hat das Material geprüft. Es zeigt eine erwachsene Person in einer intimen oder sexuellen Situation und wurde ohne deren Einwilligung öffentlich gemacht; das ist nach den unten genannten Vorschriften rechtswidrig.
notice-reason-ai = Eine geschulte Analystin oder ein geschulter Analyst von { $notifier } hat das Material geprüft. Es ist ein sexuelles Bild einer realen, erkennbaren Person, das (etwa mit KI) erstellt oder verändert und ohne deren Einwilligung öffentlich gemacht wurde; das ist nach den unten genannten Vorschriften rechtswidrig.
notice-grounds = Rechtsgrundlagen:
notice-notifier-heading = 3. Wer diese Meldung einreicht (Art. 16 Abs. 2 Buchst. c)
notice-notifier = { $notifier } ({ $domain }) reicht diese Meldung für die betroffene Person ein, die nicht genannt wird.
notice-notifier-csam = Nach Art. 16 Abs. 2 Buchst. c DSA muss eine Meldung von Darstellungen sexuellen Missbrauchs von Kindern weder den Namen noch die E-Mail-Adresse der meldenden Person enthalten. Sie kommt von { $notifier } ({ $domain }); wer sie gemeldet hat, wird nicht genannt.
notice-good-faith-heading = 4. Erklärung (Art. 16 Abs. 2 Buchst. d)
notice-good-faith = { $notifier } erklärt in gutem Glauben, dass die Angaben und Behauptungen in dieser Meldung richtig und vollständig sind.
notice-deadline-heading = Worum wir bitten
notice-deadline = Bitte handeln Sie unverzüglich, spätestens bis { $deadline } ({ $hours } Stunden nach dieser Meldung).
notice-answer = Bitte bestätigen Sie den Eingang (Art. 16 Abs. 4) und teilen Sie uns Ihre Entscheidung mit (Art. 16 Abs. 5), indem Sie an { $mailbox } antworten und { $reference } angeben. Senden Sie uns niemals das Material selbst.
notice-machine = Eine maschinenlesbare Fassung dieser Meldung (X-ARF Version 3, JSON) ist beigefügt.
notice-reference = Aktenzeichen: { $reference }
notice-english-copy = Englische Fassung dieser Meldung:
