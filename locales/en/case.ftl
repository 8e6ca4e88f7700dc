## Staff workspace

staff-title = Staff workspace

## Queue and case view (staff only, desktop). Cases are shown to trained staff; the wording is
## plain and exact, and the material is "child sexual abuse material".

case-queue-title = Cases by urgency
case-queue-empty = No cases match these filters.
# Variables:
#   $count (Number) - How many cases match
case-queue-count-open = { $count ->
    [one] One open case, most urgent first.
   *[other] { $count } open cases, most urgent first.
}
case-queue-count-closed = { $count ->
    [one] One closed case.
   *[other] { $count } closed cases.
}
case-queue-previous = Previous page
case-queue-next = Next page
case-queue-pages = Pages of the queue
# Variables:
#   $count (Number) - Items in the case
#   $online (Number) - Addresses not yet known to be removed
case-queue-items =
    { $count ->
        [one] 1 item
       *[other] { $count } items
    }, { $online } online
case-filter-status = Status
case-filter-open = Open
case-filter-closed = Closed
case-filter-country = Country
case-filter-category = What happened
case-filter-any = Any
case-filter-mine = Only cases assigned to me
case-filter-apply = Show
case-column-rank = Rank
case-column-case = Case
case-column-urgency = Urgency
case-column-age = Age
case-column-country = Country
case-column-happened = What happened
case-column-items = Items
case-column-reported = Reported (UTC)
case-column-assigned = Assigned to
case-unassigned = Not assigned
# Variables:
#   $id (Number) - The case number
case-link = Case { $id }
case-title = Case { $id }
case-back-to-queue = Back to the queue

# Variables:
#   $score (Number) - The urgency score
case-urgency-score = Urgency { $score }
case-reason-danger = In danger now
case-reason-suicidal = Thoughts of suicide
case-reason-minor = Under 18
case-reason-sextortion = Sextortion
# Variables:
#   $count (Number) - Addresses still online
case-reason-urls-online = { $count ->
    [one] One address online
   *[other] { $count } addresses online
}
# Variables:
#   $hours (Number) - Hours since the report
case-reason-waiting = Waiting { $hours } h

case-happened-sextortion = Sextortion (blackmail with images)
case-happened-shared = Shared without consent
case-happened-fake = Fake or AI-made nudes
case-happened-csam = Child sexual abuse material
case-happened-pressured = A child pressured into sending images
case-happened-other = Something else
case-age-under-13 = Under 13
case-age-13-15 = 13 to 15
case-age-16-17 = 16 or 17
case-age-18-24 = 18 to 24
case-age-25-plus = 25 or older
case-age-not-said = Not said
case-for-myself = The reporter themself
case-for-my-child = The reporter's child
case-for-someone-else = Someone else
case-safety-safe = Safe right now
case-safety-danger = In danger now
case-safety-suicidal = Having thoughts of suicide
case-contact-given = Left contact details (kept encrypted)
case-contact-none = No contact details: reply through messages

case-summary-title = Summary
case-status-open = Open
case-status-closed = Closed
# Variables:
#   $at (String) - Date and time, UTC
case-reported-at = Reported { $at } UTC
# Variables:
#   $name (String) - A staff member's name
case-assigned-to = Assigned to { $name }
case-claim = Take this case
case-assign-label = Assign to
case-assign = Assign
case-release = Back to the queue

case-answers-title = What the reporter told us
case-answer-for = Whose images
case-answer-safety = Safety
case-answer-happened = What happened
case-answer-age = Age
case-answer-country = Country
case-answer-language = Reply in
case-answer-contact = Contact

case-items-title = Items
case-item-url = Address
case-item-account = Account
case-item-image = Image (hashes only)
case-item-video = Video (hashes only)
case-item-file = File (hashes only)
# Variables:
#   $quality (Number) - PDQ quality, 0 to 100
case-item-pdq-quality = PDQ quality { $quality }
case-item-pdq-low = low: matches may be missed
case-item-video-frames = Video frames hashed
case-item-also-in = Also reported in:
case-item-removed = Removed.
case-verdict-csam = Child sexual abuse material
case-verdict-non-consensual = Non-consensual intimate image
case-verdict-not-illegal = Not illegal
case-verdict-cannot-assess = Cannot assess
# Variables:
#   $name (String) - The analyst's name
#   $at (String) - Date and time, UTC
case-assessed-by = { $name }, { $at }
case-assess-verdict = Assessment
case-assess-reason = Reason
case-assess = Save assessment

case-messages-title = Messages with the reporter
case-messages-none = No messages yet.
case-message-from-staff = Staff
case-message-from-reporter = Reporter
case-message-label = Message to the reporter
case-message-hint = The reporter reads this when they sign in with their receipt. Write plainly and kindly; do not ask for images.
case-message-send = Send message

case-notes-title = Internal notes
case-notes-hint = Only staff see these. The reporter never does.
case-note-label = Note
case-note-add = Add note

case-timeline-title = Timeline
case-timeline-received = Report received
case-timeline-reporter-wrote = The reporter wrote a message
case-timeline-case-assigned = Assigned
case-timeline-case-released = Back to the queue
case-timeline-item-assessed = Item assessed
case-timeline-case-reporter-messaged = Message sent to the reporter
case-timeline-case-note-added = Internal note added
case-timeline-case-closed = Case closed
case-timeline-case-reopened = Case reopened
case-timeline-case-transferred = Moved to another organisation
case-timeline-staff-action = Staff action

case-close = Close the case
case-reopen = Reopen the case

case-done-claimed = You have taken this case.
case-done-assigned = The case is assigned.
case-done-released = The case is back in the queue.
case-done-assessed = The assessment is saved.
case-done-messaged = The message is sent. The reporter sees it with their receipt.
case-done-noted = The note is added.
case-done-closed = The case is closed.
case-done-reopened = The case is open again.

case-error-unknown = There is no such case. The reporter may have withdrawn it.
case-error-item-unknown = That item is not part of this case.
case-error-staff-unknown = That colleague cannot take cases.
case-error-reason-missing = Please give a reason for the assessment.
case-error-empty = Please write something first.
case-error-too-long = This text is too long. Please shorten it.
case-error-closed = The case is already closed.
case-error-open = The case is already open.
case-error-choose = Please choose what to do.

case-done-transferred = The case has moved to the other organisation. It is no longer in your queue.
case-error-organisation-unknown = Choose one of the organisations listed.
case-owner-title = Organisation
case-owner = This case belongs to { $name }.
case-owner-none = This case belongs to the portal's own staff.
case-transfer-label = Move to
case-transfer = Move the case
case-transfer-hint = For example to the hotline of the country where the images are hosted. The case leaves your queue and is unassigned; the reporter notices nothing and keeps their receipt.

case-done-resolving = The hosting is being looked up again. Reload in a moment.
case-hosting-pending = Looking up where this is hosted…
case-hosting-again = Look up again
case-hosting-host = Host
case-hosting-via = Via
case-hosting-addresses = Addresses
case-hosting-network = Network
case-hosting-asn = AS
case-hosting-cdn = CDN in front
case-hosting-registrar = Registrar
case-hosting-abuse = Abuse contacts
case-hosting-abuse-network = { $email } (network)
case-hosting-abuse-registrar = { $email } (registrar)
case-hosting-provider = Whom to tell
case-hosting-channel-api = by API
case-hosting-channel-email = by e-mail
case-hosting-channel-web-form = by web form
case-hosting-channel-none = no channel known
case-hosting-checked = Looked up { $at } (UTC).
case-hosting-problems = Not found out:
case-hosting-stage-url = address
case-hosting-stage-dns = DNS
case-hosting-stage-asn = AS
case-hosting-stage-rdap-ip = network (RDAP)
case-hosting-stage-rdap-domain = registrar (RDAP)
case-hosting-error-invalid-url = not a web address
case-hosting-error-nxdomain = the name does not exist
case-hosting-error-no-address = the name has no address
case-hosting-error-timeout = no answer in time
case-hosting-error-dns-failed = the DNS server failed
case-hosting-error-rdap-no-server = no registry known
case-hosting-error-rdap-not-found = the registry does not know it
case-hosting-error-rdap-rate-limited = the registry asks us to wait
case-hosting-error-rdap-failed = the registry's answer was unusable
case-hosting-error-body-too-large = the answer was too large
case-hosting-error-private-address = it points to a private address
case-hosting-error-asn-not-found = no AS found

case-done-notice-queued = The notice is in the outbox and goes out in a moment.
case-done-notice-task = The notice is a task now: file it at the address shown, then mark it filed.
case-done-notice-filed = Marked as filed.
case-error-notice-unknown = That notice is no longer proposed: it may have been sent already. Check the notices below.
case-error-notice-changed = The notice changed since you read it (an address was assessed, or its hosting found again). Read it again before you send it.
case-error-notice-not-task = That notice is not waiting to be filed.
case-timeline-notice-sent = Notice sent
case-timeline-notice-delivered = Notice delivered
case-timeline-notice-failed = Notice could not be delivered
case-timeline-notice-filed = Notice filed by hand
case-timeline-case-viewed = Viewed the case
