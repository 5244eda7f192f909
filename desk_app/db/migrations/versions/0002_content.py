"""content catalogue, translations, cases

Revision ID: 0002_content
Revises: 0001_core
Create Date: 2026-11-24 16:15:39.007481
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base


revision = "0002_content"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('content_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source_digest', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('verify', sa.String(length=240), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('updated_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'reviewed')", name=op.f('ck_content_text_status_known')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_content_text_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_text')),
    sa.UniqueConstraint('office_id', 'key', 'lang', name=op.f('uq_content_text_office_id_key_lang'))
    )
    with op.batch_alter_table('content_text', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_content_text_office_id'), ['office_id'], unique=False)

    op.create_table('procedure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('service_code', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('place', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('step_count', sa.Integer(), nullable=False),
    sa.Column('current_version', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('updated_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('sui', 'leg', 'redirect')", name=op.f('ck_procedure_kind_known')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_procedure_office_id_office'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure')),
    sa.UniqueConstraint('office_id', 'code', name=op.f('uq_procedure_office_id_code'))
    )
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_office_id'), ['office_id'], unique=False)

    op.create_table('procedure_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('created_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], name=op.f('fk_procedure_version_procedure_id_procedure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_version')),
    sa.UniqueConstraint('procedure_id', 'version', name=op.f('uq_procedure_version_procedure_id_version'))
    )
    with op.batch_alter_table('procedure_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_version_procedure_id'), ['procedure_id'], unique=False)

    op.create_table('checklist_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('procedure_version_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('practice_number', sa.String(length=40), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('visits', sa.Integer(), nullable=False),
    sa.Column('opened_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('closed_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('complete', 'incomplete', 'redirected', 'withdrawn')", name=op.f('ck_checklist_case_outcome_known')),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f('ck_checklist_case_status_known')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_checklist_case_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['procedure_version_id'], ['procedure_version.id'], name=op.f('fk_checklist_case_procedure_version_id_procedure_version')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_checklist_case_staff_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_checklist_case_ticket_id_ticket'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_case'))
    )
    with op.batch_alter_table('checklist_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_case_office_id'), ['office_id'], unique=False)
        batch_op.create_index('ix_checklist_case_practice', ['office_id', 'practice_number'], unique=False)

    op.create_table('checklist_case_item',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=48), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('updated_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.CheckConstraint("state IN ('pending', 'presented', 'missing', 'not_applicable')", name=op.f('ck_checklist_case_item_state_known')),
    sa.ForeignKeyConstraint(['case_id'], ['checklist_case.id'], name=op.f('fk_checklist_case_item_case_id_checklist_case'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'item_key', name=op.f('pk_checklist_case_item'))
    )


def downgrade() -> None:
    op.drop_table('checklist_case_item')
    with op.batch_alter_table('checklist_case', schema=None) as batch_op:
        batch_op.drop_index('ix_checklist_case_practice')
        batch_op.drop_index(batch_op.f('ix_checklist_case_office_id'))

    op.drop_table('checklist_case')
    with op.batch_alter_table('procedure_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_version_procedure_id'))

    op.drop_table('procedure_version')
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_office_id'))

    op.drop_table('procedure')
    with op.batch_alter_table('content_text', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_content_text_office_id'))

    op.drop_table('content_text')
