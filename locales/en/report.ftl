## Report (public, anonymous)

report-title = Report images and get them removed
report-intro = You can report without giving your name. Your photos and videos stay on your phone: we only take fingerprints of them, so websites can find and remove copies.

## Parents and carers

parents-title = For parents and carers
parents-intro = Is your child being threatened, or are nude images of your child being shared? Stay calm and don't blame them. Here you can read what to do now, and report for your child.

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
report-files-working = Making a fingerprint…
report-files-ready = Fingerprint ready
report-files-low-quality = Fingerprint ready. This picture has little detail, so copies may be harder to find.
report-files-undecodable = We could not open this file as a picture, but its exact fingerprint is ready.
report-files-failed = We could not read this file. You can try again, or leave it out.
report-files-cancelled = Stopped
report-files-remove = Remove
report-files-preview-alt = Preview, only on your device
report-files-video-note = For videos we fingerprint the whole file. Fingerprints of single moments in a video come later.
