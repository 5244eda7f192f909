<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppointmentDayView</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free place(s)</source>
        <translation>
            <numerusform>%n free place</numerusform>
            <numerusform>%n free places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) found for “%1”.</source>
        <translation>
            <numerusform>%n appointment found for “%1”.</numerusform>
            <numerusform>%n appointments found for “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n free)</source>
        <translation>
            <numerusform>%1 (%n free)</numerusform>
            <numerusform>%1 (%n free)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) marked as no-show.</source>
        <translation>
            <numerusform>%n appointment marked as no-show.</numerusform>
            <numerusform>%n appointments marked as no-show.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message numerus="yes">
        <source>%1-%2 · %n free of %3</source>
        <translation>
            <numerusform>%1-%2 · %n free of %3</numerusform>
            <numerusform>%1-%2 · %n free of %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s)</source>
        <translation>
            <numerusform>%n free slot</numerusform>
            <numerusform>%n free slots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message numerus="yes">
        <source>(%n required still to check)</source>
        <translation>
            <numerusform>(%n required item still to check)</numerusform>
            <numerusform>(%n required items still to check)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContentEditor</name>
    <message numerus="yes">
        <source>%n language(s) to translate</source>
        <translation>
            <numerusform>%n language to translate</numerusform>
            <numerusform>%n languages to translate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskAdmin</name>
    <message numerus="yes">
        <source>%n entries written to {path}</source>
        <translation>
            <numerusform>%n entry written to {path}</numerusform>
            <numerusform>%n entries written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n translations use another term for a glossary concept</source>
        <translation>
            <numerusform>%n translation uses another term for a glossary concept</numerusform>
            <numerusform>%n translations use another term for a glossary concept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) (! = to be confirmed again by the organisation)</source>
        <translation>
            <numerusform>%n entry (! = to be confirmed again by the organisation)</numerusform>
            <numerusform>%n entries (! = to be confirmed again by the organisation)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectorySearchDialog</name>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n service found</numerusform>
            <numerusform>%n services found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LegalisationView</name>
    <message numerus="yes">
        <source>%n country(ies), %1 to verify</source>
        <translation>
            <numerusform>%n country, %1 to verify</numerusform>
            <numerusform>%n countries, %1 to verify</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediatorAgenda</name>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) saved to %1</source>
        <translation>
            <numerusform>%n booking saved to %1</numerusform>
            <numerusform>%n bookings saved to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingDecisionsWindow</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practice(s)</source>
        <translation>
            <numerusform>%n practice</numerusform>
            <numerusform>%n practices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Meeting recorded: %n decision(s).</source>
        <translation>
            <numerusform>Meeting recorded: %n decision.</numerusform>
            <numerusform>Meeting recorded: %n decisions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticesMenu</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticesPage</name>
    <message numerus="yes">
        <source>%n practice(s)</source>
        <translation>
            <numerusform>%n practice</numerusform>
            <numerusform>%n practices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message numerus="yes">
        <source>%1 to %2: %n ticket(s) issued</source>
        <translation>
            <numerusform>%1 to %2: %n ticket issued</numerusform>
            <numerusform>%1 to %2: %n tickets issued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceSummaryModel</name>
    <message numerus="yes">
        <source>Target: %n minute(s)</source>
        <translation>
            <numerusform>Target: %n minute</numerusform>
            <numerusform>Target: %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>recalled %n time</numerusform>
            <numerusform>recalled %n times</numerusform>
        </translation>
    </message>
</context>
</TS>
