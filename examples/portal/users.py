"""Add someone who may sign in to the portal, bound to the companies they may act for::

    python examples/portal/users.py --db portal.sqlite3 ana --nome "Ana Souza" \\
        --empresa 12.345.678/0001-95
    python examples/portal/users.py --db portal.sqlite3 gestor --nome "Gestor" --todas

The password is asked for (or read from the first line of standard input when it is not a
terminal) and stored as an Argon2id hash. ``--todas``: the whole contract (including and
excluding companies, concluding, the receipt). Running it again for a login changes it.
"""

from __future__ import annotations

import argparse
import getpass
import sys

import access
from store import ALL, Store


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Adiciona um usuário ao portal")
    parser.add_argument("login")
    parser.add_argument("--db", default="portal.sqlite3")
    parser.add_argument("--nome", default="")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--empresa", action="append", metavar="CNPJ", help="repita para várias")
    who.add_argument("--todas", action="store_true", help="todas as empresas do contrato")
    args = parser.parse_args(argv)
    if sys.stdin.isatty():
        password = getpass.getpass("Senha: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    companies = (
        [ALL] if args.todas else ["".join(c for c in e if c.isalnum()) for e in args.empresa]
    )
    try:
        with Store(args.db).transaction() as session:
            access.add_person(session, args.login, args.nome, password, companies)
    except ValueError as error:
        parser.error(str(error))
    print(f"Usuário {args.login} salvo em {args.db}.")


if __name__ == "__main__":
    main()
