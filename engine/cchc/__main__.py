from cchc.cli import main

main()
