## Report (public, anonymous)

report-title = Report images and get them removed
report-intro = You can report without giving your name. Your photos and videos stay on your phone: we only take fingerprints of them, so websites can find and remove copies.

## Follow-up with a receipt

follow-up-title = Check on your report
follow-up-intro = With the receipt you got when you reported, you can see what has happened, read messages and add more.

## Report: files from your device (hashed on the device, never sent)

report-files-title = Photos and videos from your device
report-files-intro = We make a fingerprint of each file, here on your device. Only the fingerprints are sent, never your photos or videos. Websites use them to find copies and take them down.
report-files-choose = Choose photos or videos
report-files-no-js = Making fingerprints needs JavaScript. You can still report the web addresses where the images appear.
report-files-progress-label = Making fingerprints
report-files-cancel = Stop
report-files-waiting = Waiting for its turn…
report-files-working = Making a fingerprint…
report-files-ready = Fingerprint ready
report-files-low-quality = Fingerprint ready. This picture has little detail, so copies may be harder to find.
report-files-undecodable = We could not open this file as a picture, but its exact fingerprint is ready.
report-files-failed = We could not read this file. You can try again, or leave it out.
report-files-cancelled = Stopped
report-files-remove = Remove
report-files-preview-alt = Preview, only on your device

## Report flow

report-progress = Step { $step } of { $total }
report-next = Next
report-back = Back
report-send = Send my report
report-safety-title = { $who ->
    [child] Is your child safe right now?
    [other] Is the person safe right now?
   *[self] Are you safe right now?
}
report-safety-hint = There is no wrong answer. If not, we first show you who can help right away.
report-history-js = To change an answer, use the Back button on this page. Your browser's own back button leaves the report, and what you filled in is gone.
report-history-no-js = Your browser is not running JavaScript, so each step of this report stays in its history. After “Leave now”, those steps show nothing you filled in. To remove them completely, clear your browsing history, or use a private window next time.
report-safety-safe = { $who ->
    [child] Yes, my child is safe right now
    [other] Yes, they are safe right now
   *[self] Yes, I am safe right now
}
report-safety-danger = { $who ->
    [child] No, my child is in danger
    [other] No, they are in danger
   *[self] No, I am in danger
}
report-safety-suicidal = { $who ->
    [child] My child is thinking about ending their life
    [other] They are thinking about ending their life
   *[self] I am thinking about ending my life
}
report-acute-title = Get help right now
report-acute-text = If someone is in danger, call the emergency number. It is free, day and night.
report-acute-call-112 = Call 112 (emergency)
report-acute-suicide-text = Thinking about ending your life? Talk to someone now at 113 Suicide Prevention, free and anonymous.
report-acute-call-113 = Call 113 (0800-0113)
report-acute-elsewhere = 112 works in every EU country. Outside the Netherlands, see the help page for your country's lines.
report-acute-continue-text = When you are ready, you can go on with the report. You can also come back later.
report-acute-continue = Continue with the report
report-happened-title = { $who ->
    [child] What happened to your child?
    [other] What happened?
   *[self] What happened?
}
report-happened-hint = Choose all that fit.
report-happened-sextortion = { $who ->
    [child] Someone threatens to share images of my child unless they pay or send more
   *[self] Someone threatens to share my images unless I pay or send more
}
report-happened-shared = { $who ->
    [child] Intimate images of my child are shared without consent
    [other] Their intimate images are shared without consent
   *[self] My intimate images are shared without my consent
}
report-happened-fake = { $who ->
    [child] Fake or AI-made nude images of my child
    [other] Fake or AI-made nude images of them
   *[self] Fake or AI-made nude images of me
}
report-happened-csam = Images of a child being abused (I am not in them)
report-happened-pressured = Someone online is pressuring a child
report-happened-other = Something else
report-happened-other-label = Anything else you want to tell us (optional)
report-about-title = About you
report-for-legend = Who are you reporting for?
report-for-myself = For myself
report-for-my-child = For my child
report-for-someone-else = For someone else
report-age-legend = { $who ->
    [child] How old is your child?
    [other] How old are they?
   *[self] How old are you?
}
report-age-under-13 = Under 13
report-age-13-15 = 13 to 15
report-age-16-17 = 16 or 17
report-age-18-24 = 18 to 24
report-age-25-plus = 25 or older
report-age-not-said = I'd rather not say
report-country-label = { $who ->
    [child] Which country does your child live in?
   *[self] Which country do you live in?
}
report-country-choose = Choose a country
report-reply-language-label = Which language should we reply in?
report-where-title = { $who ->
    [child] Where are the images of your child?
   *[self] Where are the images?
}
report-where-hint = Give web addresses if you have them. No address? Name the app or site and the account.
report-urls-label = Web addresses
report-urls-hint = One per line, at most { $max }. Copy them from the address bar or the share button.
report-account-legend = App or website and account
report-platform-label = App or website (e.g. Instagram)
report-handle-label = Account name or username
report-files-step-title = { $who ->
    [child] Photos and videos of your child
   *[self] Photos and videos
}
report-files-added = Fingerprints already added
report-file-photo = Photo { $n }
report-file-video = Video { $n }
report-file-other = File { $n }
report-check-title = Check what we will send
report-check-intro = This is everything we will receive. Nothing else leaves your device.
report-check-none = None
report-check-files = Files
report-check-files-text = { $images ->
    [0] No photos
    [one] A fingerprint of 1 photo
   *[other] Fingerprints of { $images } photos
}{ $others ->
    [0] {""}
    [one] , and of 1 video or other file
   *[other] , and of { $others } videos or other files
}. We send fingerprints, not the photos.
report-contact-legend = Can we contact you? (optional)
report-contact-hint = Only if you want. We keep it locked, use it only for this report, and delete it with the report.
report-contact-consent = Yes, you may contact me about this report
report-contact-label = E-mail address or phone number
report-sent-title = Your report has been sent
report-sent-text = Thank you. You did the right thing. We will look at your report soon.
report-receipt-title = Your receipt
report-receipt-once = We show this code only once. It is the only way to check on your report: we do not know who you are.
report-receipt-copy = Copy the code
report-receipt-copied = Copied
report-receipt-save = Save as a file
report-receipt-tip-write = Write it down or save it somewhere only you can see.
report-receipt-tip-private = Do not share it: anyone with the code can read your report.
report-receipt-tip-lost = Lost it? Then you can make a new report at any time.
report-receipt-file-text = Receipt: { $receipt }
report-next-title = What happens now
report-next-text = Our staff look at every report and ask websites to remove the images. You can check the status and read messages with your receipt. You don't have to deal with this alone.
report-next-help = Find someone to talk to
report-go-follow-up = Check on my report
report-already-sent-title = This report was already sent
report-already-sent-text = We received it before. For your safety the receipt is shown only once.

## Report: messages for answers that need fixing

report-error-summary = Please check these answers
report-error-on-line = Line { $line }:
report-error-choose-one = Please choose one.
report-error-choose-at-least-one = Please choose at least one.
report-error-tell-us-more = Please tell us a little more.
report-error-too-long = This is too long. Please make it shorter.
report-error-choose-country = Please choose a country.
report-error-url-invalid = This is not a web address we can use.
report-error-url-spaces = A web address has no spaces. Put each address on its own line.
report-error-url-scheme = Please give a web address that starts with https:// or http://.
report-error-url-too-long = This web address is too long.
report-error-url-private = This address points to a private network or to this device, not to a website others can open. Please give the address as it appears in your browser on the website itself.
report-error-url-too-many = You can give at most 20 addresses in one report. You can add more later.
report-error-files-invalid = Something went wrong with the fingerprints. Please choose the files again.
report-error-files-too-many = You can add at most 20 files in one report. You can add more later.
report-error-contact-consent = Tick the box if we may contact you, or leave the contact field empty.
report-error-contact-missing = Please give an e-mail address or phone number, or untick the box.
report-error-nothing-to-remove = Please give at least one web address, an account, or a file, so we know what to remove.
report-error-busy = Many reports were sent from here just now. Please wait a few minutes and try again. Your answers are kept.
report-check-working = Many reports came from here just now. Before we send yours, your browser does a short check. This takes a few seconds.
report-check-needs-js = This check needs JavaScript. Without it, please wait ten minutes and send again. Your answers are kept.
report-error-not-saved = We could not save your report just now. Please try again. Your answers are kept.
report-error-connection = The connection dropped. Please try again. Your answers are kept.

## Countries and languages

country-AT = Austria
country-BE = Belgium
country-BG = Bulgaria
country-CY = Cyprus
country-CZ = Czechia
country-DE = Germany
country-DK = Denmark
country-EE = Estonia
country-ES = Spain
country-FI = Finland
country-FR = France
country-GB = United Kingdom
country-GR = Greece
country-HR = Croatia
country-HU = Hungary
country-IE = Ireland
country-IT = Italy
country-LT = Lithuania
country-LU = Luxembourg
country-LV = Latvia
country-MT = Malta
country-NL = Netherlands
country-PL = Poland
country-PT = Portugal
country-RO = Romania
country-SE = Sweden
country-SI = Slovenia
country-SK = Slovakia
country-ZZ = Another country
country- = Not given
language-en = English
language-nl = Dutch
language- = Not given

## Follow-up: signing in with the receipt

follow-up-receipt-label = Your receipt
follow-up-receipt-hint = The code you got when you reported, like ABCDE-12345-FGHJK-67890. Capitals and dashes don't matter.
follow-up-sign-in = Show my report
follow-up-lost-receipt = Lost your receipt? We cannot look it up for you, because we don't know who you are. You can always make a new report.
follow-up-signed-in = This is your report. Only you can see it, with your receipt.
follow-up-items-title = What you reported
follow-up-status-received = Received. We will look at it soon.
follow-up-status-in-review = Being reviewed by our staff.
follow-up-status-notice-sent = We asked { $provider } ({ $country }) to remove it on { $date }. They should do so by { $deadline }.
follow-up-status-removed = Removed on { $date }.
follow-up-status-escalated = { $provider } did not remove it in time. We have taken it further.
follow-up-messages-title = Messages
follow-up-no-messages = No messages yet. We will write here if we need anything from you.
follow-up-from-staff = From our staff
follow-up-from-you = From you
follow-up-reply-label = Write a message
follow-up-reply-send = Send message
follow-up-add-title = Add web addresses
follow-up-add-send = Add addresses
follow-up-withdraw-title = Withdraw your report
follow-up-withdraw-text = If you withdraw, we delete your report, its addresses, fingerprints and messages. Requests already sent to websites cannot be taken back.
follow-up-withdraw = Withdraw and delete everything
follow-up-withdraw-confirm-text = Are you sure? This cannot be undone. Your receipt will stop working.
follow-up-withdraw-confirm = Yes, delete everything
follow-up-withdraw-keep = No, keep my report
follow-up-withdrawn = Your report has been withdrawn and everything in it has been deleted.
follow-up-withdrawn-platforms = We are telling these platforms to delete the fingerprints of your files from their lists: { $platforms }.
follow-up-platforms = The fingerprints of your files are on the list these platforms use to block copies: { $platforms }. If you withdraw, they are told within a minute.
follow-up-sign-out = Sign out
follow-up-signed-out = You are signed out.
follow-up-signed-out-idle = You were signed out because nothing happened for a while. Enter your receipt again to go on.
follow-up-text-kept = What you wrote is kept. Enter your receipt, and it will be back in its box, ready to send.
follow-up-text-to-copy = Your report cannot be opened just now. What you wrote is below: copy it somewhere safe and try again in a few minutes.
follow-up-kept-after-sign-in = You are signed in again. What you wrote is back in its box: check it and send it.
follow-up-idle-note = For your safety you are signed out after 15 minutes without activity, and when you close the browser.
follow-up-error-receipt-format = This does not look like a receipt. A receipt has 20 letters and digits.
follow-up-error-receipt-unknown = We don't know this receipt. Please check it and try again.
follow-up-error-too-many = Too many tries. Please wait a minute and try again.
follow-up-error-message-empty = Please write a message first.
follow-up-error-urls-empty = Please give at least one web address.
follow-up-error-form-expired = This form has expired. Please try again.
follow-up-error-try-again = Something went wrong on our side. Please try again.
follow-up-error-connection = The connection dropped, so this was not sent. What you wrote is still here: please try again.

## Countries hosts are often in (hosting lookups)
country-CH = Switzerland
country-NO = Norway
country-IS = Iceland
country-LI = Liechtenstein
country-US = the United States
country-CA = Canada
country-RU = Russia
country-UA = Ukraine
country-TR = Turkey
country-RS = Serbia
country-MD = Moldova
country-SG = Singapore
country-HK = Hong Kong
country-JP = Japan
country-CN = China
country-IN = India
country-AU = Australia
country-BR = Brazil
country-MX = Mexico
country-ZA = South Africa
country-SC = the Seychelles
country-PA = Panama
country-VG = the British Virgin Islands

follow-up-hosted-in = Hosted by { $name } in { $country }.
follow-up-hosted-by = Hosted by { $name }.
follow-up-notice-sent = On { $on } we asked { $to } to remove it, by { $deadline } UTC at the latest.
follow-up-notice-hotline = On { $on } we passed it to { $to }, a hotline that gets it removed through the hotlines’ network.
follow-up-notice-going = We are asking { $to } to remove it.
follow-up-notice-hotline-going = We are passing it to { $to }, a hotline that gets it removed through the hotlines’ network.
