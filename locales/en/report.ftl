## Report (public, anonymous)

report-title = Report images and get them removed
report-intro = You can report without giving your name. Your photos and videos stay on your phone: we only take fingerprints of them, so websites can find and remove copies.

## Parents and carers

parents-title = For parents and carers
parents-intro = Is your child being threatened, or are nude images of your child being shared? Stay calm and don't blame them. Here you can read what to do now, and report for your child.

## Follow-up with a receipt

follow-up-title = Check on your report
follow-up-intro = With the receipt you got when you reported, you can see what has happened, read messages and add more.
