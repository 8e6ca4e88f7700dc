## Help page

help-title = Get help now
help-intro = You are not alone, and what happened is not your fault. These people can help, free and confidential.
help-danger-title = In danger right now?
help-danger-text = If you or someone else is in danger, call the emergency number. In the EU it is 112.
help-danger-call = Call 112
help-suicide-title = Thinking about ending your life?
help-suicide-text = Talk to someone now. In the Netherlands, call 113 or 0800-0113 for free, day and night, or chat at 113.nl.
help-suicide-call = Call 113
help-talk-title = Talk about images online
help-talk-text = Helpwanted helps with sexual images online and getting them removed, free and anonymous, by chat, phone or e-mail.
help-talk-call = Call Helpwanted: 020 261 52 75

## Why a service is shown (the help routing's reasons)

help-reason-acute-danger = Emergency number: for when someone is in danger now
help-reason-suicidal = Talk to someone now about thoughts of suicide
help-reason-recent-violence = Care after recent sexual violence
help-reason-topic = Helps with what happened to you
help-reason-report-images = Where to report the images
help-reason-self-help-tool = A tool to get images blocked yourself
help-reason-for-parents = Supports parents
help-reason-for-professionals = Takes questions from professionals
help-reason-general-help = Listens to anything that worries you
help-reason-escalation = Where to complain when a platform does not act
help-reason-age = For your age
help-reason-language = Speaks your language
help-reason-open-now = Open now
help-reason-free = Free
help-reason-anonymous = You can stay anonymous
