# The hash list for platforms (staff workspace): administrators' keys, analysts' decisions.
platform-list-title = Platform keys
platform-intro = Platforms use these keys to read the hash list, match fingerprints against it and say what they did. A key sees only the lists it was given.
platform-list-empty = No platform has a key yet.
platform-column-name = Platform
platform-column-key = Key starts with
platform-column-scopes = May
platform-column-lists = Lists
platform-column-per-minute = Requests a minute
platform-column-webhook = Webhook
platform-column-usage = Use in 30 days
platform-column-created = Created
platform-column-state = State
platform-usage = { $calls ->
    [one] 1 call
   *[other] { $calls } calls
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}
platform-no-webhook = None
platform-state-active = In use
platform-state-sandbox = In use (sandbox)
platform-state-revoked = Revoked on { $at }
platform-scope-read = Read the list and its changes
platform-scope-match = Match fingerprints
platform-scope-feedback = Give feedback
platform-revoke = Revoke…
platform-revoke-confirm = From now on every request with the key of { $name } is refused and its webhook is no longer called. This cannot be undone: the platform needs a new key.
platform-revoke-button = Revoke the key
platform-done-revoked = The key is revoked.
platform-add-title = Make a key
platform-add-hint = The key is shown once, right after you make it. The portal keeps only a fingerprint of it.
platform-field-name = Platform name
platform-field-scopes = What the key may do
platform-field-lists = Lists it sees
platform-field-per-minute = Requests a minute before it has to wait
platform-field-sandbox = Sandbox key
platform-field-sandbox-hint = It sees only a made-up list, so the platform can build its integration without touching real data.
platform-add-button = Make the key
platform-created-title = The key of { $name }
platform-created-text = Copy it now and give it to the platform safely: it is not shown again. If it is lost, revoke it and make a new one.
platform-created-example = A first request with it:
platform-error-name = Give the platform a name of at most 100 characters.
platform-error-name-taken = A platform of that name has a key already. Pick another name, or revoke the old key first.
platform-error-scopes = Choose at least one thing the key may do.
platform-error-lists = Choose at least one list.
platform-error-per-minute = Give a number of requests a minute from 1 to 100,000.

hash-list-title = Hash list
hash-list-intro = Fingerprints of reported files, which platforms use to block copies. You never see the files; you decide by what the case and the platforms say.
hash-list-csam = Child sexual abuse material
hash-list-ncii = Intimate images of adults
hash-list-ai = AI-made intimate images of adults
hash-list-column-list = List
hash-list-column-self-reported = From reports, not assessed
hash-list-column-confirmed = Confirmed by an analyst
hash-list-column-disputed = Disputed
hash-list-column-withdrawn = Withdrawn
hash-list-disputed-title = Platforms disagree
hash-list-disputed-hint = One platform acted on these fingerprints and another found nothing wrong. Confirm an entry to keep it on the list as confirmed, or withdraw it from every platform.
hash-list-disputed-none = No entry is disputed.
hash-list-case = case { $id }
hash-list-verdict-actioned = acted on it
hash-list-verdict-not-violating = found nothing wrong
hash-list-verdict-under-review = is reviewing it
hash-list-verdict-cannot-review = could not review it
hash-list-confirm = Confirm
hash-list-withdraw = Withdraw from every platform
hash-list-done-confirmed = The entry is confirmed; the platforms hear so in the next batch.
hash-list-done-withdrawn = The entry is withdrawn; the platforms are told in the next batch.
hash-list-error-gone = That entry was decided or withdrawn meanwhile.
