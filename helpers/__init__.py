"""Helpers for the A Cold Business Deal course."""
