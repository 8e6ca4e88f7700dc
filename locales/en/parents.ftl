## Parents and carers: landing page
# Readers are parents in a panic, often on a phone. Short sentences, and never blame the child.

parents-title = For parents and carers
parents-intro = Is your child being threatened, or are nude images of your child being shared? Stay calm and don't blame them: they need you now, and you can help. Here you can read what to do, and report for your child.
parents-topics-title = What is happening?
parents-sextortion-card-title = Someone is threatening to share images of my child
parents-sextortion-card-text = They want money or more pictures. Don't pay, and don't send anything.
parents-shared-nudes-card-title = Nude images of my child are being shared
parents-shared-nudes-card-text = Online, in a group chat or at school.
parents-ai-nudes-card-title = Fake or AI-made nude images of my child
parents-ai-nudes-card-text = Deepfakes, and pictures made with “nudify” apps.
parents-grooming-card-title = Someone older is pressuring my child online
parents-grooming-card-text = Asking for pictures, for secrecy or to meet.
parents-urgent-title = Is your child in danger right now?
parents-urgent-text = Call the emergency number 112.

## Parents and carers: shared by every guidance page

parents-steps-title = What to do now
parents-help-title = Where to get help
parents-help-emergency-text = Is your child in danger right now? Call the emergency number.
parents-help-emergency-call = Call 112
parents-help-intro = These are the numbers in the Netherlands.
parents-help-helpwanted-text = Helpwanted helps parents and young people with sexual images online, and with getting them removed. Free and anonymous, by chat at helpwanted.nl or by phone.
parents-help-helpwanted-call = Call Helpwanted: 020 261 52 75
parents-help-kindertelefoon-text = Your child can also talk to De Kindertelefoon themselves, about anything, free and anonymous.
parents-help-kindertelefoon-call = Call De Kindertelefoon: 0800-0432
parents-help-police-text = To report a crime or ask for advice, call the police.
parents-help-police-call = Call the police: 0900-8844
# The button to the report form, for a parent reporting on their child's behalf.
parents-report-button = Report for your child
parents-more-help-link = More help

## Guidance: sextortion
# Each step is a bold instruction (…-title) followed by why (…-text).

parents-sextortion-title = Someone is threatening to share images of your child
parents-sextortion-lead = This is called sextortion. Someone has nude or sexual images of your child, or says they do, and threatens to share them unless your child pays or sends more. It is a crime. Your child is the victim and is not to blame, whatever happened before.
parents-sextortion-step-pay-title = Don't pay.
parents-sextortion-step-pay-text = Paying rarely makes it stop. Often it leads to more demands.
parents-sextortion-step-send-title = Don't send anything more.
parents-sextortion-step-send-text = No more pictures, videos or money, whatever they promise or threaten.
parents-sextortion-step-stop-title = Stop the contact, but keep the account.
parents-sextortion-step-stop-text = Stop replying. Don't delete your child's account or the chats yet: they are evidence.
parents-sextortion-step-evidence-title = Keep evidence.
parents-sextortion-step-evidence-text = Take screenshots of the chat, of the person's profile and username, and of the payment demand. Don't screenshot or save the nude images themselves: keeping or forwarding them can itself be an offence.
parents-sextortion-step-block-title = Block and report the account.
parents-sextortion-step-block-text = Do this in the app or on the website where it happened, once you have your screenshots.
parents-sextortion-step-report-title = Report the images here.
parents-sextortion-step-report-text = We ask websites to remove them. If the images are on your child's phone, fingerprints made there let platforms block copies, and the images never leave the phone.
parents-sextortion-step-police-title = Tell the police.
parents-sextortion-step-police-text = Sextortion is a crime. In the Netherlands, call the police on 0900-8844, or 112 if your child is in danger.
parents-sextortion-step-fault-title = Tell your child it's not their fault.
parents-sextortion-step-fault-text = Say you're glad they told you, and that you will deal with this together. These people are skilled at tricks and pressure; it can happen to anyone. Stay close in the days after. If your child talks about not wanting to live, call 113 or 0800-0113.

## Guidance: nude images shared without consent

parents-shared-nudes-title = Nude images of your child are being shared
parents-shared-nudes-lead = Maybe your child sent a picture to someone they trusted, or it was taken without them knowing. Either way, sharing it without their consent is wrong, and often a crime. Your child is not to blame.
parents-shared-nudes-step-calm-title = Stay calm and listen.
parents-shared-nudes-step-calm-text = Your child may feel ashamed or scared. Don't blame them or ask why they sent it. Tell them you will help.
parents-shared-nudes-step-forward-title = Don't forward or save the images.
parents-shared-nudes-step-forward-text = Not even to show someone. Keeping or sharing them can itself be an offence, and every copy can spread further.
parents-shared-nudes-step-where-title = Write down where they appear.
parents-shared-nudes-step-where-text = Note the links, the app or website, the name of the group and the usernames of whoever shared them. Screenshots of chats and profiles help, as long as the images are not in them.
parents-shared-nudes-step-report-title = Report them here.
parents-shared-nudes-step-report-text = We ask websites to remove them. If the images are on your child's phone, fingerprints made there let platforms block copies, and the images never leave the phone.
parents-shared-nudes-step-platform-title = Ask the platform to remove them.
parents-shared-nudes-step-platform-text = Use the report button in the app or on the website, and say that the person in the images is under 18.
parents-shared-nudes-step-school-title = Talk to the school if classmates are involved.
parents-shared-nudes-step-school-text = The school can help stop the sharing and support your child. Agree with your child first what you will tell them.
parents-shared-nudes-step-police-title = Tell the police.
parents-shared-nudes-step-police-text = Sharing nude images of someone under 18 is a crime. In the Netherlands, call the police on 0900-8844.

## Guidance: fake or AI-made nude images

parents-ai-nudes-title = Fake or AI-made nude images of your child
parents-ai-nudes-lead = Apps and websites can turn an ordinary photo into a fake nude picture: deepfakes, or “nudify” apps. The image is fake, but the harm is real. In the Netherlands and many other countries, making or sharing such images of a child is a crime, even though they are fake. Your child did nothing wrong.
parents-ai-nudes-step-calm-title = Believe your child, and stay calm.
parents-ai-nudes-step-calm-text = Tell them it's not their fault. The picture is fake, but their shame and fear are real.
parents-ai-nudes-step-forward-title = Don't forward or save the images.
parents-ai-nudes-step-forward-text = Not even to show that they are fake. Keeping or sharing them can itself be an offence.
parents-ai-nudes-step-where-title = Write down where they appear.
parents-ai-nudes-step-where-text = Note the links, the app or website, the name of the group and the usernames of whoever shared them. Screenshots of chats and profiles help, as long as the images are not in them.
parents-ai-nudes-step-report-title = Report them here.
parents-ai-nudes-step-report-text = We ask websites to remove them, fake or not. If the images are on your child's phone, fingerprints made there let platforms block copies, and the images never leave the phone.
parents-ai-nudes-step-platform-title = Ask the platform to remove them.
parents-ai-nudes-step-platform-text = Use the report button in the app or on the website, and say that it is a fake nude image of someone under 18.
parents-ai-nudes-step-school-title = Talk to the school if classmates are involved.
parents-ai-nudes-step-school-text = These images are often made by other young people. The school can help stop the sharing and support your child. Agree with your child first what you will tell them.
parents-ai-nudes-step-police-title = Tell the police.
parents-ai-nudes-step-police-text = Making or sharing fake nude images of a child is a crime. In the Netherlands, call the police on 0900-8844.

## Guidance: grooming

parents-grooming-title = Someone older is pressuring your child online
parents-grooming-lead = Some adults, or people much older than your child, win a child's trust online to get sexual images or to meet. This is called grooming. They can be very convincing, and your child may not see it as abuse. Your child is not to blame.
parents-grooming-signs-title = Signs to look out for
parents-grooming-sign-attention = A new online friend who gives a lot of attention, compliments or gifts, such as game credits.
parents-grooming-sign-secret = Your child is secretive about their phone or an app, or upset after being online.
parents-grooming-sign-private = The person asks your child to keep things secret, or to move to another app.
parents-grooming-sign-requests = They ask for pictures, videos, a webcam call or a meeting.
parents-grooming-step-calm-title = Stay calm and listen.
parents-grooming-step-calm-text = Your child may feel they are in a relationship, or be afraid of getting into trouble. Tell them it's not their fault and that you will help.
parents-grooming-step-evidence-title = Keep evidence.
parents-grooming-step-evidence-text = Take screenshots of the chats, the profile and the username. Don't save or forward any nude images: keeping them can itself be an offence.
parents-grooming-step-confront-title = Don't confront the person yourself.
parents-grooming-step-confront-text = It can warn them, make them delete evidence, or lead them to put more pressure on your child.
parents-grooming-step-stop-title = Stop the contact.
parents-grooming-step-stop-text = Help your child stop replying and block the person, once you have your screenshots. Don't delete the account or the chats yet.
parents-grooming-step-police-title = Report it to the police.
parents-grooming-step-police-text = In the Netherlands, call the police on 0900-8844. If your child is in danger right now, or a meeting has been arranged, call 112.
parents-grooming-step-report-title = If there are images, report them here.
parents-grooming-step-report-text = We ask websites to remove them. If the images are on your child's phone, fingerprints made there let platforms block copies, and the images never leave the phone.
