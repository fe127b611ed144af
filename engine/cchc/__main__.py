"""`python -m cchc`: the `cchc` command. Ctrl-C while it is still starting ends it quietly
(exit code 130, as a stopped command), not with a traceback of the import under way."""

try:
    from cchc.cli import main
except KeyboardInterrupt:
    raise SystemExit(130) from None

main()
