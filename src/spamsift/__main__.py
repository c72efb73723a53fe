from spamsift.cli import main

main()
