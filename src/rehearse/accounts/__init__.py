"""Accounts: sign-up, sign-in (browser cookie or API tokens), e-mail confirmation, passwords."""
