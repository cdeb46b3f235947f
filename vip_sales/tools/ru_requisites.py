"""Checks of Russian company requisites, as 1C and the banks apply them.

Pure functions, without Odoo: each takes the number as a string of digits (callers strip
spaces) and answers whether it is well formed and its check digits are right. The ИНН (tax
id) itself is checked with python-stdnum (``stdnum.ru.inn``), which has no ОГРН, КПП or bank
account checks.
"""

import re

from stdnum.ru import inn

INN_LEGAL_ENTITY_LENGTH = 10
INN_SOLE_TRADER_LENGTH = 12
OGRN_LENGTH = 13
OGRNIP_LENGTH = 15
ACCOUNT_LENGTH = 20

_KPP_RE = re.compile(r"\d{4}[\dA-Z]{2}\d{3}")
# A Russian БИК: 9 digits starting with 0 (04 for the banks, 01/02 for the Treasury's
# accounts); the last three are the bank's number within its settlement centre.
_BIK_RE = re.compile(r"0\d{8}")
# Weights of the key over 23 digits: 3 from the БИК, then the 20 of the account.
_ACCOUNT_WEIGHTS = ((7, 1, 3) * 8)[:23]


def is_valid_inn(number):
    """A 10-digit (legal entity) or 12-digit (sole trader) ИНН with right check digits."""
    return inn.is_valid(number)


def is_valid_kpp(number):
    """A КПП: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits."""
    return bool(_KPP_RE.fullmatch(number or ""))


def _ogrn_check(number, length, modulus):
    if not (number and len(number) == length and number.isdigit()):
        return False
    return int(number[:-1]) % modulus % 10 == int(number[-1])


def is_valid_ogrn(number):
    """A 13-digit ОГРН of a legal entity: the first 12 digits mod 11, mod 10, is the last."""
    return _ogrn_check(number, OGRN_LENGTH, 11)


def is_valid_ogrnip(number):
    """A 15-digit ОГРНИП of a sole trader: the first 14 digits mod 13, mod 10, is the last."""
    return _ogrn_check(number, OGRNIP_LENGTH, 13)


def is_valid_bik(number):
    """A 9-digit БИК of a Russian bank (starting with 0)."""
    return bool(_BIK_RE.fullmatch(number or ""))


def _account_key_ok(prefix, account):
    if not (account and len(account) == ACCOUNT_LENGTH and account.isdigit()):
        return False
    digits = prefix + account
    return sum(int(d) * w for d, w in zip(digits, _ACCOUNT_WEIGHTS, strict=True)) % 10 == 0


def is_valid_settlement_account(account, bik):
    """A 20-digit settlement account whose key matches the БИК of its bank.

    The key is checked over the last 3 digits of the БИК followed by the account, with the
    weights 7, 1, 3 repeated: the weighted sum must end in 0.
    """
    return is_valid_bik(bik) and _account_key_ok(bik[-3:], account)


def is_valid_correspondent_account(account, bik):
    """A 20-digit correspondent account (30101...) that belongs to the bank of the БИК.

    It ends with the last 3 digits of the БИК, and its key is checked as for a settlement
    account, but over "0" and the 5th and 6th digits of the БИК (its settlement centre).
    """
    return (
        is_valid_bik(bik)
        and bool(account)
        and account.startswith("30101")
        and account.endswith(bik[-3:])
        and _account_key_ok("0" + bik[4:6], account)
    )
