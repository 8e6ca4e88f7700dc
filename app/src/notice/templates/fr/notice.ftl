# La notification au titre de l'article 16 DSA, en français. Le texte anglais suit toujours.
# DRAFT: written by the project, not yet reviewed by a native speaker (status below). The
# portal sends it, with the English copy, and says so to staff until it is reviewed.
notice-template-status = draft
notice-subject = Notification au titre de l'article 16 DSA : { $category }, référence { $reference }
notice-category-csam = contenus d'abus sexuels sur des enfants
notice-category-ncii = images intimes diffusées sans consentement
notice-category-ai = images sexuelles d'une personne réelle créées ou modifiées sans son consentement
notice-greeting = À l'équipe chargée des notifications chez { $provider },
notice-greeting-unknown = À l'équipe chargée des notifications,
notice-intro = { $notifier } vous notifie un contenu illicite sur votre service, au titre de l'article 16 du règlement sur les services numériques (règlement (UE) 2022/2065). Veuillez le retirer ou en rendre l'accès impossible.
notice-location-heading = 1. Où il se trouve (art. 16, paragraphe 2, point b)
notice-location-count = { $count ->
    [one] L'adresse exacte :
   *[other] Les adresses exactes ({ $count }) :
}
notice-reasons-heading = 2. Pourquoi il est illicite (art. 16, paragraphe 2, point a)
notice-reason-csam = Un analyste qualifié de { $notifier } a examiné le contenu. Il montre l'abus sexuel d'un enfant ; son hébergement ou sa diffusion est une infraction dans tous les États membres de l'UE. Aucune copie n'en a été faite, conservée ou envoyée.
notice-reason-ncii = Un analyste qualifié de { $notifier } a examiné le contenu. Il montre une personne adulte dans une situation intime ou sexuelle et a été rendu public sans son consentement, ce qui est illicite au titre des dispositions ci-dessous.
notice-reason-ai = Un analyste qualifié de { $notifier } a examiné le contenu. Il s'agit d'une image sexuelle d'une personne réelle et reconnaissable, créée ou modifiée (par exemple par IA) et rendue publique sans son consentement, ce qui est illicite au titre des dispositions ci-dessous.
notice-grounds = Fondements juridiques :
notice-notifier-heading = 3. Qui envoie cette notification (art. 16, paragraphe 2, point c)
notice-notifier = { $notifier } ({ $domain }) envoie cette notification pour la personne concernée, qui n'est pas nommée.
notice-notifier-csam = Selon l'art. 16, paragraphe 2, point c, du DSA, une notification de contenus d'abus sexuels sur des enfants n'a pas à indiquer le nom ni l'adresse électronique de la personne qui notifie. Elle est envoyée par { $notifier } ({ $domain }) ; la personne qui a signalé ces contenus n'est pas nommée.
notice-good-faith-heading = 4. Déclaration (art. 16, paragraphe 2, point d)
notice-good-faith = { $notifier } déclare de bonne foi que les informations et les allégations contenues dans cette notification sont exactes et complètes.
notice-deadline-heading = Ce que nous demandons
notice-deadline = Veuillez agir sans retard injustifié, et au plus tard le { $deadline } ({ $hours } heures après cette notification).
notice-answer = Veuillez accuser réception (art. 16, paragraphe 4) et nous informer de votre décision (art. 16, paragraphe 5) en répondant à { $mailbox }, en rappelant la référence { $reference }. Ne nous envoyez jamais le contenu lui-même.
notice-machine = Une copie lisible par machine de cette notification (X-ARF version 3, JSON) est jointe.
notice-reference = Référence : { $reference }
notice-english-copy = Version anglaise de cette notification :
