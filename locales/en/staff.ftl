## Staff workspace: sign-in, administration, audit trail (staff only, desktop)

staff-sign-in-intro = Helpline staff, analysts, caseworkers, care partners and administrators sign in here with their organisation's account.
staff-sign-in-button = Sign in with your organisation's account
staff-sign-out = Sign out
staff-shell-brand = { -portal-name } workspace
staff-signed-out = You are signed out.
staff-sign-in-refused = This account has not been invited to the staff workspace. Ask an administrator of the portal to invite you, then sign in again.
staff-sign-in-failed = Signing in did not work. Please try again.
staff-sign-in-unavailable = Signing in is not possible right now: the identity provider cannot be reached or is not configured.
staff-sign-in-busy = Too many sign-ins were started from this address in the last minute. Wait a minute, then sign in again.
staff-refused-signed-out = Please sign in to see this page.
staff-draft-kept = You were signed out, so this was not saved. What you wrote is kept: sign in again, and it will be back in its box on this page.
staff-draft-restored = You are signed in again. What you wrote before is back in its box: check it and send it.
staff-refused-role = Your role does not give access to this page.
staff-error-try-again = Something went wrong. Please try again.

# Variables:
#   $name (String) - The staff member's name
#   $role (String) - Their role, e.g. "Analyst"
staff-signed-in-as = Signed in as { $name } ({ $role }).
# Variables:
#   $organisation (String) - The staff member's organisation
staff-organisation = Organisation: { $organisation }

staff-role-helpline-staff = Helpline staff
staff-role-analyst = Analyst
staff-role-caseworker = Caseworker
staff-role-care-partner = Care partner
staff-role-administrator = Administrator

## Administration

staff-admin-title = Staff and organisations
staff-admin-invite-title = Invite a staff member
staff-admin-invite-hint = The account is created when this person first signs in with the invited address, verified by their organisation's identity provider.
staff-admin-email-label = E-mail address
staff-admin-role-label = Role
staff-admin-organisation-label = Organisation
staff-admin-invite-button = Invite
staff-admin-invited = The invitation is saved.
staff-admin-invitations-title = Open invitations
staff-admin-staff-title = Staff
staff-admin-role-for = Role for
staff-admin-change-role = Change role
staff-admin-role-changed = The role is changed.
staff-admin-organisations-title = Organisations
staff-admin-organisation-name-label = Name of the organisation
staff-admin-organisation-kind-label = Kind of organisation
staff-admin-add-organisation-button = Add organisation
staff-admin-organisation-added = The organisation is added.
staff-admin-column-who = Invited
staff-admin-column-name = Name
staff-admin-column-email = E-mail address
staff-admin-column-role = Role
staff-admin-column-organisation = Organisation
staff-admin-column-invited = Invited on
staff-admin-column-last-sign-in = Last sign-in
staff-organisation-none = No organisation
staff-organisation-kind-helpline = Helpline
staff-organisation-kind-hotline = Hotline
staff-organisation-kind-care-centre = Care centre
staff-organisation-kind-authority = Authority
staff-organisation-kind-other = Other

staff-error-email = Enter an e-mail address such as name@organisation.org.
staff-error-organisation-required = A care partner needs an organisation. Choose one, or add it below first.
staff-error-organisation-unknown = That organisation does not exist (any more).
staff-error-staff-unknown = That staff member or role does not exist.
staff-error-own-role = You cannot change your own role. Ask another administrator.
staff-error-name = Enter a name of at most 200 characters.
staff-error-organisation-exists = An organisation with this name already exists.
staff-error-already-invited = This person is already invited or already has an account.
staff-error-form-expired = This form has expired. Please try again.

## Audit trail

staff-audit-title = Audit trail
# Variables:
#   $count (Number) - How many events were checked
staff-audit-chain-intact =
    { $count ->
        [one] The audit trail is intact: { $count } event checked.
       *[other] The audit trail is intact: { $count } events checked.
    }
# Variables:
#   $id (Number) - The first event that does not fit the chain
staff-audit-chain-broken = The audit trail has been altered: event { $id } does not fit the chain.
# Variables:
#   $id (Number) - The newest event's number
#   $hash (String) - The newest event's hash
staff-audit-head = Newest event: { $id }, hash { $hash }. Keep this outside the portal: `portal audit verify --checkpoint` checks the trail against it later. The portal also writes it to its log.
staff-audit-column-when = When (UTC)
staff-audit-column-who = Who
staff-audit-column-what = What
staff-audit-column-case = Case
staff-audit-column-target = About
staff-audit-column-detail = Detail

## Background jobs (administrators' page)

staff-admin-jobs-title = Background jobs
# Variables:
#   $count (Number) - Jobs queued or running now
staff-admin-jobs-pending =
    { $count ->
        [one] { $count } job is waiting or running.
       *[other] { $count } jobs are waiting or running.
    }
staff-admin-jobs-none-dead = No job has failed for good.
staff-admin-jobs-dead-caption = Jobs that failed for good. They are not tried again by themselves.
staff-admin-jobs-column-id = Job
staff-admin-jobs-column-kind = What it does
staff-admin-jobs-column-attempts = Attempts
staff-admin-jobs-column-error = Last error
staff-admin-jobs-column-last-tried = Last tried (UTC)
staff-job-kind-delete-closed-reports = Delete closed reports after the retention period
staff-job-kind-delete-expired-sessions = Delete expired sign-in sessions

## Who handles new reports (administrators' page)

staff-admin-owner-rules-title = Who handles new reports
staff-admin-owner-rules-intro = Each new report goes to one organisation: the rule for its country and category, else the rule for its country, else for its category, else the default (any country, any category). Staff see only their own organisation's cases.
staff-admin-owner-rules-none = No rule yet: new reports go to staff who belong to no organisation.
staff-admin-owner-rule-column-country = Country
staff-admin-owner-rule-column-category = Category
staff-admin-owner-rule-column-organisation = Organisation
staff-admin-owner-rule-any-country = Any country
staff-admin-owner-rule-any-category = Any category
staff-admin-owner-rule-button = Set the rule
staff-admin-owner-rule-set = The rule is set. It applies to new reports.
staff-case-category-csam = Sexual abuse material of a child
staff-case-category-ncii = Intimate images of an adult
staff-error-country-unknown = Choose a country from the list.
