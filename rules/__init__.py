"""Built-in rule packs (YAML data); this file only makes the folder a package that ships in the wheel."""
