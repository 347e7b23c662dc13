"""Onboarding and watching the province's Official Accounts: secrets import, OAuth consent, health."""
