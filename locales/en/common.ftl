## Brand. The portal's name is a term so every language can inflect or keep it.

-portal-name = Safe Again
brand-name = { -portal-name }

## Header and footer (every page)

skip-to-content = Skip to content
language-switch-label = Language
# The quick-exit button. Short: it must fit next to the portal name on a small phone.
quick-exit-label = Leave now
quick-exit-hint = or press Esc
footer-privacy-title = Your privacy
footer-privacy-images = Your photos and videos stay on your device. We only receive fingerprints of them, never the images.
footer-privacy-identity = You do not need to give your name. We do not keep your IP address or what device you use.
footer-privacy-traces = We leave no cookies on your device unless you sign in with your receipt.
footer-privacy-history = “Leave now” (or the Esc key) takes you to a weather site at once and removes this visit from the back button.
footer-privacy-history-no-js = Without JavaScript, the pages you opened here stay in your browser's history. To remove them, clear your browsing history, or use a private window.
footer-help-link = Need help right now?

## Pages that are still being built

placeholder-not-ready = This part of the portal is still being built. It will be ready soon.
placeholder-help-now = Get help now

## Not found

not-found-title = Page not found
not-found-body = We could not find this page. The address may be wrong, or the page has moved.
not-found-home-link = Go to the home page

## Home page

home-title = Get sexual images of you removed, and get help
home-intro = Are sexual images or videos of you online, or is someone threatening to share them? You are not to blame. We help you get them removed, without your photos ever leaving your phone.
home-report-title = Report images and get them removed
home-report-text = Anonymous. No account needed.
home-parents-title = I'm a parent or carer
home-parents-text = What to do now, and how to report for your child.
home-follow-up-title = Check on my report
home-follow-up-text = Use the receipt you got when you reported.
home-urgent-title = Are you in danger, or do you need to talk to someone now?
home-urgent-text = You don't have to deal with this alone. People are ready to listen, free and confidential.
home-urgent-link = See who can help right now

## Monitor page

monitor-title = How fast is material removed?
monitor-intro = This page will show how quickly hosting companies and countries remove reported material. It shows totals only, never individual reports.
# Pages the server answers with before any page runs (no JavaScript needed).
edge-cross-site-title = This form came from another website
edge-cross-site-body = For your safety we only accept forms sent from this portal's own pages. Nothing was sent or saved. Open the portal again and fill in the form there.
edge-too-large-title = That was too much at once
edge-too-large-body = What you sent was larger than the portal accepts. Nothing was saved. Go back and send less, for example fewer addresses at a time.
edge-timeout-title = This took too long
edge-timeout-body = The portal did not answer in time. Nothing may have been saved. Please try again in a moment.
edge-internal-title = Something went wrong
edge-internal-body = The portal ran into a problem. Please try again in a moment.
