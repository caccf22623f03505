import secrets

from django.db import transaction

from .models import User


def generate_password() -> str:
    """A random password to hand over once; never stored in code or logs."""
    return secrets.token_urlsafe(12)


@transaction.atomic
def create_user_with_password(user: User) -> str:
    password = generate_password()
    user.set_password(password)
    user.save()
    return password


def reset_password(user: User) -> str:
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
