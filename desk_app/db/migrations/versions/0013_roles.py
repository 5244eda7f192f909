"""staff roles partner and questura (issues 15 and 16)

Revision ID: 0013_roles
Revises: 0012_office_admin
Create Date: 2026-12-02 05:50:00

``partner``: a person of an organisation of the territorial services directory, who edits only that organisation's
entries (issue 15). ``questura``: a person of the Questura's Immigration Office, who sees and answers only the
practices sent to it (issue 16). The CHECK on staff.role is widened; no row changes.
"""

from __future__ import annotations

from alembic import op

revision = "0013_roles"
down_revision = "0012_office_admin"
branch_labels = None
depends_on = None

_OLD = ("clerk", "mediator", "supervisor", "admin")
_NEW = (*_OLD, "partner", "questura")


def _check(roles: tuple[str, ...]) -> str:
    return "role IN (" + ", ".join(f"'{role}'" for role in roles) + ")"


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_constraint(op.f("ck_staff_role_known"), type_="check")
        batch.create_check_constraint("role_known", _check(_NEW))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_constraint(op.f("ck_staff_role_known"), type_="check")
        batch.create_check_constraint("role_known", _check(_OLD))
