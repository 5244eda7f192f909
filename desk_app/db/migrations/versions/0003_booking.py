"""appointments, convocations, mediators

The no-overlap rule of mediator bookings is dialect-specific: an exclusion
constraint (btree_gist) on PostgreSQL, BEFORE INSERT/UPDATE triggers on SQLite
(whose writes are serialised by BEGIN IMMEDIATE). The DDL is written out here,
not imported from the models, so this revision stays as it was shipped.

Revision ID: 0003_booking
Revises: 0001_core
Create Date: 2026-11-24 16:19:18.953170
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base

revision = '0003_booking'
down_revision = '0001_core'
branch_labels = None
depends_on = None

_ACTIVE = "status IN ('booked', 'confirmed')"
_OVERLAP = (
    f"WHEN NEW.{_ACTIVE} AND EXISTS (SELECT 1 FROM mediator_booking AS other "
    f"WHERE other.mediator_id = NEW.mediator_id AND other.id IS NOT NEW.id AND other.{_ACTIVE} "
    "AND other.starts_at < NEW.ends_at AND NEW.starts_at < other.ends_at) "
    "BEGIN SELECT RAISE(ABORT, 'mediator_booking_overlap'); END"
)
_SQLITE_TRIGGERS = {
    "trg_mediator_booking_no_overlap_insert": f"BEFORE INSERT ON mediator_booking {_OVERLAP}",
    "trg_mediator_booking_no_overlap_update": (
        f"BEFORE UPDATE OF mediator_id, starts_at, ends_at, status ON mediator_booking {_OVERLAP}"
    ),
}


def upgrade() -> None:
    op.create_table('appointment_calendar',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('early_minutes', sa.Integer(), nullable=False),
    sa.Column('late_minutes', sa.Integer(), nullable=False),
    sa.Column('horizon_days', sa.Integer(), nullable=False),
    sa.CheckConstraint('capacity > 0', name=op.f('ck_appointment_calendar_capacity_positive')),
    sa.CheckConstraint('early_minutes >= 0 AND late_minutes >= 0', name=op.f('ck_appointment_calendar_window_positive')),
    sa.CheckConstraint('horizon_days > 0', name=op.f('ck_appointment_calendar_horizon_positive')),
    sa.CheckConstraint('slot_minutes > 0', name=op.f('ck_appointment_calendar_slot_positive')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_appointment_calendar_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_appointment_calendar_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_calendar')),
    sa.UniqueConstraint('service_id', name=op.f('uq_appointment_calendar_service_id'))
    )
    with op.batch_alter_table('appointment_calendar', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_calendar_office_id'), ['office_id'], unique=False)

    op.create_table('appointment_closure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_appointment_closure_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_appointment_closure_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_closure'))
    )
    with op.batch_alter_table('appointment_closure', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_closure_office_day', ['office_id', 'day'], unique=False)

    op.create_table('appointment_slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('ends_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.CheckConstraint('booked <= capacity', name=op.f('ck_appointment_slot_within_capacity')),
    sa.CheckConstraint('booked >= 0', name=op.f('ck_appointment_slot_booked_positive')),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_appointment_slot_starts_before_ends')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_appointment_slot_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_appointment_slot_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_slot')),
    sa.UniqueConstraint('service_id', 'starts_at', name=op.f('uq_appointment_slot_service_id_starts_at'))
    )
    with op.batch_alter_table('appointment_slot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_slot_office_id'), ['office_id'], unique=False)

    op.create_table('mediator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('organisation', sa.String(length=120), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_mediator_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_mediator_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediator')),
    sa.UniqueConstraint('office_id', 'code', name=op.f('uq_mediator_office_id_code')),
    sa.UniqueConstraint('staff_id', name=op.f('uq_mediator_staff_id'))
    )
    with op.batch_alter_table('mediator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediator_office_id'), ['office_id'], unique=False)

    op.create_table('appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('ends_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('person_name', sa.String(length=120), nullable=True),
    sa.Column('practice_number', sa.String(length=40), nullable=True),
    sa.Column('person_key', sa.String(length=170), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('needs_mediator', sa.Boolean(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('arrival', sa.String(length=8), nullable=True),
    sa.Column('created_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('checked_in_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('cancelled_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=200), nullable=True),
    sa.Column('no_show_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('purged_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.CheckConstraint("arrival IS NULL OR arrival IN ('on_time', 'early', 'late')", name=op.f('ck_appointment_arrival_known')),
    sa.CheckConstraint("kind IN ('booking', 'convocation')", name=op.f('ck_appointment_kind_known')),
    sa.CheckConstraint("status IN ('booked', 'checked_in', 'no_show', 'cancelled')", name=op.f('ck_appointment_status_known')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_appointment_created_by_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_appointment_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_appointment_service_id_service')),
    sa.ForeignKeyConstraint(['slot_id'], ['appointment_slot.id'], name=op.f('fk_appointment_slot_id_appointment_slot')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_appointment_ticket_id_ticket'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_office_starts', ['office_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_appointment_practice', ['office_id', 'practice_number'], unique=False)
        batch_op.create_index('ix_appointment_slot', ['slot_id'], unique=False)
        batch_op.create_index('uq_appointment_person_booked', ['office_id', 'person_key'], unique=True, sqlite_where=sa.text("status = 'booked'"), postgresql_where=sa.text("status = 'booked'"))

    op.create_table('appointment_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('calendar_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.SmallInteger(), nullable=False),
    sa.Column('opens', sa.Time(), nullable=False),
    sa.Column('closes', sa.Time(), nullable=False),
    sa.CheckConstraint('opens < closes', name=op.f('ck_appointment_hours_opens_before_closes')),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_appointment_hours_weekday_valid')),
    sa.ForeignKeyConstraint(['calendar_id'], ['appointment_calendar.id'], name=op.f('fk_appointment_hours_calendar_id_appointment_calendar'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_hours'))
    )
    with op.batch_alter_table('appointment_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_hours_calendar_id'), ['calendar_id'], unique=False)

    op.create_table('mediator_availability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mediator_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.SmallInteger(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.CheckConstraint("mode IN ('in_person', 'phone', 'video')", name=op.f('ck_mediator_availability_mode_known')),
    sa.CheckConstraint('starts < ends', name=op.f('ck_mediator_availability_starts_before_ends')),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_mediator_availability_weekday_valid')),
    sa.ForeignKeyConstraint(['mediator_id'], ['mediator.id'], name=op.f('fk_mediator_availability_mediator_id_mediator'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediator_availability'))
    )
    with op.batch_alter_table('mediator_availability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediator_availability_mediator_id'), ['mediator_id'], unique=False)

    op.create_table('mediator_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mediator_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('available', sa.Boolean(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=True),
    sa.Column('ends', sa.Time(), nullable=True),
    sa.Column('mode', sa.String(length=10), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.CheckConstraint("mode IS NULL OR mode IN ('in_person', 'phone', 'video')", name=op.f('ck_mediator_exception_mode_known')),
    sa.CheckConstraint('(starts IS NULL AND ends IS NULL) OR (starts < ends)', name=op.f('ck_mediator_exception_period_valid')),
    sa.CheckConstraint('available = false OR (starts IS NOT NULL AND mode IS NOT NULL)', name=op.f('ck_mediator_exception_extra_complete')),
    sa.ForeignKeyConstraint(['mediator_id'], ['mediator.id'], name=op.f('fk_mediator_exception_mediator_id_mediator'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediator_exception'))
    )
    with op.batch_alter_table('mediator_exception', schema=None) as batch_op:
        batch_op.create_index('ix_mediator_exception_day', ['mediator_id', 'day'], unique=False)

    op.create_table('mediator_language',
    sa.Column('mediator_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint('level BETWEEN 1 AND 4', name=op.f('ck_mediator_language_level_valid')),
    sa.ForeignKeyConstraint(['mediator_id'], ['mediator.id'], name=op.f('fk_mediator_language_mediator_id_mediator'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mediator_id', 'language', name=op.f('pk_mediator_language'))
    )
    op.create_table('mediator_override',
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_mediator_override_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_mediator_override_staff_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_mediator_override_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', name=op.f('pk_mediator_override'))
    )
    op.create_table('convocation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('procedure_code', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('confirmed_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('closed_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('sent', 'confirmed', 'attended', 'no_show', 'rebooked', 'cancelled')", name=op.f('ck_convocation_status_known')),
    sa.CheckConstraint('attempt >= 1', name=op.f('ck_convocation_attempt_positive')),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_convocation_appointment_id_appointment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_convocation_created_by_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_convocation_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['previous_id'], ['convocation.id'], name=op.f('fk_convocation_previous_id_convocation'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_convocation')),
    sa.UniqueConstraint('appointment_id', name=op.f('uq_convocation_appointment_id')),
    sa.UniqueConstraint('previous_id', name=op.f('uq_convocation_previous_id'))
    )
    with op.batch_alter_table('convocation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_convocation_office_id'), ['office_id'], unique=False)

    op.create_table('mediator_booking',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('mediator_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('starts_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('ends_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('booked_by', sa.Integer(), nullable=True),
    sa.Column('booked_at', desk_app.db.base.UTCDateTime(), nullable=False),
    sa.Column('responded_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.Column('decline_reason', sa.String(length=200), nullable=True),
    sa.Column('present_at', desk_app.db.base.UTCDateTime(), nullable=True),
    sa.CheckConstraint("mode IN ('in_person', 'phone', 'video')", name=op.f('ck_mediator_booking_mode_known')),
    sa.CheckConstraint("status IN ('booked', 'confirmed', 'declined', 'cancelled')", name=op.f('ck_mediator_booking_status_known')),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_mediator_booking_starts_before_ends')),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_mediator_booking_appointment_id_appointment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['booked_by'], ['staff.id'], name=op.f('fk_mediator_booking_booked_by_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], name=op.f('fk_mediator_booking_desk_id_desk'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mediator_id'], ['mediator.id'], name=op.f('fk_mediator_booking_mediator_id_mediator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_mediator_booking_office_id_office'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_mediator_booking_ticket_id_ticket'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediator_booking'))
    )
    with op.batch_alter_table('mediator_booking', schema=None) as batch_op:
        batch_op.create_index('ix_mediator_booking_appointment', ['appointment_id'], unique=False)
        batch_op.create_index('ix_mediator_booking_mediator_starts', ['mediator_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_mediator_booking_office_starts', ['office_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_mediator_booking_ticket', ['ticket_id'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE mediator_booking ADD CONSTRAINT ex_mediator_booking_no_overlap "
            "EXCLUDE USING gist (mediator_id WITH =, tsrange(starts_at, ends_at, '[)') WITH &&) "
            f"WHERE ({_ACTIVE})"
        )
    else:
        for name, body in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")



def downgrade() -> None:
    with op.batch_alter_table('mediator_booking', schema=None) as batch_op:
        batch_op.drop_index('ix_mediator_booking_ticket')
        batch_op.drop_index('ix_mediator_booking_office_starts')
        batch_op.drop_index('ix_mediator_booking_mediator_starts')
        batch_op.drop_index('ix_mediator_booking_appointment')

    op.drop_table('mediator_booking')
    with op.batch_alter_table('convocation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_convocation_office_id'))

    op.drop_table('convocation')
    op.drop_table('mediator_override')
    op.drop_table('mediator_language')
    with op.batch_alter_table('mediator_exception', schema=None) as batch_op:
        batch_op.drop_index('ix_mediator_exception_day')

    op.drop_table('mediator_exception')
    with op.batch_alter_table('mediator_availability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediator_availability_mediator_id'))

    op.drop_table('mediator_availability')
    with op.batch_alter_table('appointment_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_hours_calendar_id'))

    op.drop_table('appointment_hours')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index('uq_appointment_person_booked', sqlite_where=sa.text("status = 'booked'"), postgresql_where=sa.text("status = 'booked'"))
        batch_op.drop_index('ix_appointment_slot')
        batch_op.drop_index('ix_appointment_practice')
        batch_op.drop_index('ix_appointment_office_starts')

    op.drop_table('appointment')
    with op.batch_alter_table('mediator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediator_office_id'))

    op.drop_table('mediator')
    with op.batch_alter_table('appointment_slot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_slot_office_id'))

    op.drop_table('appointment_slot')
    with op.batch_alter_table('appointment_closure', schema=None) as batch_op:
        batch_op.drop_index('ix_appointment_closure_office_day')

    op.drop_table('appointment_closure')
    with op.batch_alter_table('appointment_calendar', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_calendar_office_id'))

    op.drop_table('appointment_calendar')
