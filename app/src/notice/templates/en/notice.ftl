# The Art. 16 DSA notice, in English. Every other language's notice is followed by this one.
# Placeables: $provider, $notifier, $domain, $mailbox, $reference, $deadline, $hours, $count.
notice-template-status = reviewed
notice-subject = Notice under Article 16 DSA: { $category }, reference { $reference }
notice-category-csam = child sexual abuse material
notice-category-ncii = intimate images shared without consent
notice-category-ai = sexual images of a real person made or altered without consent
notice-greeting = To the team that handles notices at { $provider },
notice-greeting-unknown = To the team that handles notices,
notice-intro = { $notifier } notifies you of illegal content on your service, under Article 16 of the Digital Services Act (Regulation (EU) 2022/2065). Please remove it or disable access to it.
notice-location-heading = 1. Where it is (Art. 16(2)(b))
notice-location-count = { $count ->
    [one] The exact address:
   *[other] The exact addresses ({ $count }):
}
notice-reasons-heading = 2. Why it is illegal (Art. 16(2)(a))
notice-reason-csam = A trained analyst of { $notifier } assessed the material. It shows the sexual abuse of a child, which is illegal to host or distribute in every EU member state. No copy of it was made, kept or sent.
notice-reason-ncii = A trained analyst of { $notifier } assessed the material. It shows an adult in an intimate or sexual situation and was made public without that person's consent, which is illegal under the provisions below.
notice-reason-ai = A trained analyst of { $notifier } assessed the material. It is a sexual image of a real, identifiable person that was made or altered (for example with AI) and made public without that person's consent, which is illegal under the provisions below.
notice-grounds = Legal grounds:
notice-notifier-heading = 3. Who sends this notice (Art. 16(2)(c))
notice-notifier = { $notifier } ({ $domain }) sends this notice for the person concerned, who is not named.
notice-notifier-csam = Under Art. 16(2)(c) DSA a notice about child sexual abuse material needs no name or e-mail address of the person notifying. It is sent by { $notifier } ({ $domain }); the person who reported it is not named.
notice-good-faith-heading = 4. Statement (Art. 16(2)(d))
notice-good-faith = { $notifier } states in good faith that the information and allegations in this notice are accurate and complete.
notice-deadline-heading = What we ask
notice-deadline = Please act without undue delay, and by { $deadline } at the latest ({ $hours } hours after this notice).
notice-answer = Please confirm receipt (Art. 16(4)) and tell us your decision (Art. 16(5)) by replying to { $mailbox }, quoting { $reference }. Never send us the material itself.
notice-machine = A machine-readable copy of this notice (X-ARF version 3, JSON) is attached.
notice-reference = Reference: { $reference }
notice-english-copy = English copy of this notice:
