"""Getting data in and out of the journal: CSV folders, and other tools' exports."""
