## Staff workspace

staff-title = Staff workspace
staff-intro = Helpline staff, analysts, caseworkers and care partners will sign in here with their organisation's account.
