## Staff workspace

staff-title = Staff workspace
