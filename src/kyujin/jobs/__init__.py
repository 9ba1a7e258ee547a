"""The lease lifecycle shared by the background jobs whose row is the job (imports,
reports): claim, heartbeat, finish, release and the sweep of stalled jobs."""
