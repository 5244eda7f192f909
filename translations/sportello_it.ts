<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Action</name>
    <message>
        <source>issue tickets</source>
        <translation>emettere biglietti</translation>
    </message>
    <message>
        <source>call</source>
        <translation>chiamare</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>richiamare</translation>
    </message>
    <message>
        <source>start serving</source>
        <translation>iniziare il servizio</translation>
    </message>
    <message>
        <source>finish</source>
        <translation>concludere</translation>
    </message>
    <message>
        <source>mark as no-show</source>
        <translation>segnare assente</translation>
    </message>
    <message>
        <source>park</source>
        <translation>sospendere</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>riprendere</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>trasferire</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annullare</translation>
    </message>
    <message>
        <source>reactivate</source>
        <translation>riattivare</translation>
    </message>
    <message>
        <source>serve the queue</source>
        <translation>servire la coda</translation>
    </message>
    <message>
        <source>manage staff</source>
        <translation>gestire il personale</translation>
    </message>
    <message>
        <source>set up office, desks and services</source>
        <translation>configurare ufficio, sportelli e servizi</translation>
    </message>
    <message>
        <source>export counts</source>
        <translation>esportare i conteggi</translation>
    </message>
    <message>
        <source>verify the audit log</source>
        <translation>verificare il registro di audit</translation>
    </message>
    <message>
        <source>close the day</source>
        <translation>chiudere la giornata</translation>
    </message>
    <message>
        <source>view the queue</source>
        <translation>vedere la coda</translation>
    </message>
    <message>
        <source>see the display board&apos;s calls</source>
        <translation>vedere le chiamate del tabellone</translation>
    </message>
    <message>
        <source>manage the database</source>
        <translation>gestire il database</translation>
    </message>
    <message>
        <source>work on counter cases</source>
        <translation>gestire le pratiche allo sportello</translation>
    </message>
    <message>
        <source>look up cases</source>
        <translation>consultare le pratiche</translation>
    </message>
    <message>
        <source>edit procedures and texts</source>
        <translation>modificare procedure e testi</translation>
    </message>
    <message>
        <source>handle appointments</source>
        <translation>gestire gli appuntamenti</translation>
    </message>
    <message>
        <source>book mediators</source>
        <translation>prenotare mediatori</translation>
    </message>
    <message>
        <source>set up appointment calendars</source>
        <translation>configurare i calendari degli appuntamenti</translation>
    </message>
    <message>
        <source>manage the mediator roster</source>
        <translation>gestire l&apos;elenco dei mediatori</translation>
    </message>
    <message>
        <source>purge expired personal data</source>
        <translation>cancellare i dati personali scaduti</translation>
    </message>
    <message>
        <source>handle their own bookings</source>
        <translation>gestire le proprie prenotazioni</translation>
    </message>
    <message>
        <source>check in</source>
        <translation>registrare l&apos;arrivo</translation>
    </message>
    <message>
        <source>move</source>
        <translation>spostare</translation>
    </message>
    <message>
        <source>confirm</source>
        <translation>confermare</translation>
    </message>
    <message>
        <source>decline</source>
        <translation>rifiutare</translation>
    </message>
    <message>
        <source>mark present</source>
        <translation>segnare presente</translation>
    </message>
    <message>
        <source>rebook</source>
        <translation>riprenotare</translation>
    </message>
    <message>
        <source>set up an empty database</source>
        <translation>configurare un database vuoto</translation>
    </message>
    <message>
        <source>edit their organisation&apos;s entries of the services directory</source>
        <translation>modificare le schede della propria organizzazione nell&apos;elenco dei servizi</translation>
    </message>
    <message>
        <source>review and publish the services directory</source>
        <translation>verificare e pubblicare l&apos;elenco dei servizi del territorio</translation>
    </message>
    <message>
        <source>search the services directory and refer users</source>
        <translation>cercare nell&apos;elenco dei servizi e inviare le persone a un servizio</translation>
    </message>
    <message>
        <source>submit for review</source>
        <translation>inviare in revisione</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>pubblicare</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>ritirare</translation>
    </message>
    <message>
        <source>confirm as still right</source>
        <translation>confermare come ancora valida</translation>
    </message>
    <message>
        <source>reject the pending revision</source>
        <translation>rifiutare la revisione in attesa</translation>
    </message>
    <message>
        <source>work on practices shared with the other office</source>
        <translation>lavorare sulle pratiche condivise con l&apos;altro ufficio</translation>
    </message>
    <message>
        <source>prepare and record coordination meetings</source>
        <translation>preparare e registrare le riunioni di coordinamento</translation>
    </message>
    <message>
        <source>run awareness sessions in the reception centres</source>
        <translation>gestire gli incontri di sensibilizzazione nei centri di accoglienza</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registrare</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>&amp;Administration…</source>
        <translation>&amp;Amministrazione…</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Administration</source>
        <translation>Amministrazione</translation>
    </message>
    <message>
        <source>%1 — you are: %2 (%3)</source>
        <translation>%1 — lei è: %2 (%3)</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Ufficio</translation>
    </message>
    <message>
        <source>Tic&amp;ket lines</source>
        <translation>Righe del &amp;biglietto</translation>
    </message>
    <message>
        <source>Services and &amp;desks</source>
        <translation>Servizi e &amp;sportelli</translation>
    </message>
    <message>
        <source>&amp;Calendars</source>
        <translation>C&amp;alendari</translation>
    </message>
    <message>
        <source>&amp;Mediators</source>
        <translation>&amp;Mediatori</translation>
    </message>
    <message>
        <source>S&amp;taff</source>
        <translation>&amp;Personale</translation>
    </message>
    <message>
        <source>Co&amp;ntent</source>
        <translation>Co&amp;ntenuti</translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation>&amp;Registro di controllo</translation>
    </message>
    <message>
        <source>Services di&amp;rectory</source>
        <translation>Se&amp;rvizi del territorio</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Orario</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modalità</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
</context>
<context>
    <name>AppointmentDayView</name>
    <message>
        <source>&amp;Find by name or practice number:</source>
        <extracomment>Change-feed kinds that can alter what the day view shows.</extracomment>
        <translation>&amp;Cerca per nome o numero di pratica:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Back to the day</source>
        <translation>Torna alla giornata</translation>
    </message>
    <message>
        <source>&amp;Move to another slot…</source>
        <translation>Spos&amp;ta in un altro orario…</translation>
    </message>
    <message>
        <source>&amp;Reason to cancel:</source>
        <translation>Moti&amp;vo dell&apos;annullamento:</translation>
    </message>
    <message>
        <source>Cance&amp;l the appointment</source>
        <translation>Ann&amp;ulla l&apos;appuntamento</translation>
    </message>
    <message>
        <source>Convocation &amp;accepted by the person</source>
        <translation>Convocazione con&amp;fermata dalla persona</translation>
    </message>
    <message>
        <source>The person summoned confirmed they will come</source>
        <translation>La persona convocata ha confermato che verrà</translation>
    </message>
    <message>
        <source>Did not come: mar&amp;k this one</source>
        <translation>Non venuto: segna &amp;questo</translation>
    </message>
    <message>
        <source>The selected person did not come (from their time on), without waiting for the end of the arrival window</source>
        <translation>La persona selezionata non è venuta (dal suo orario in poi), senza attendere la fine della finestra di arrivo</translation>
    </message>
    <message>
        <source>Closed to appointments: %1</source>
        <extracomment>The search shown instead of the day (its text), or ``None``.</extracomment>
        <translation>Chiuso agli appuntamenti: %1</translation>
    </message>
    <message>
        <source>No appointment hours on this day.</source>
        <translation>Nessun orario di appuntamenti in questo giorno.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>joins &quot;2 appointments&quot; and &quot;16 free places&quot;</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appuntamento</numerusform>
            <numerusform>%n appuntamenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free place(s)</source>
        <translation>
            <numerusform>%n posto libero</numerusform>
            <numerusform>%n posti liberi</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non eseguito</translation>
    </message>
    <message>
        <source>Ticket %1: on time, appointment priority.</source>
        <translation>Biglietto %1: in orario, priorità appuntamento.</translation>
    </message>
    <message>
        <source>Ticket %1: arrived early, ordinary queue.</source>
        <translation>Biglietto %1: arrivato in anticipo, coda ordinaria.</translation>
    </message>
    <message>
        <source>Ticket %1: arrived late, ordinary queue.</source>
        <translation>Biglietto %1: arrivato in ritardo, coda ordinaria.</translation>
    </message>
    <message>
        <source>(not printed)</source>
        <translation>(non stampato)</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) found for “%1”.</source>
        <translation>
            <numerusform>%n appuntamento trovato per «%1».</numerusform>
            <numerusform>%n appuntamenti trovati per «%1».</numerusform>
        </translation>
    </message>
    <message>
        <source>No free slot on %1: choose another day first.</source>
        <translation>Nessun orario libero il %1: scegliere prima un altro giorno.</translation>
    </message>
    <message>
        <source>Move the appointment</source>
        <translation>Spostare l&apos;appuntamento</translation>
    </message>
    <message>
        <source>Free slots of %1 on %2:</source>
        <translation>Orari liberi di %1 il %2:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n free)</source>
        <translation>
            <numerusform>%1 (%n posto libero)</numerusform>
            <numerusform>%1 (%n posti liberi)</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved to %1 at %2.</source>
        <translation>Spostato al %1 alle %2.</translation>
    </message>
    <message>
        <source>Book the mediator again for the new time.</source>
        <translation>Prenotare di nuovo il mediatore per il nuovo orario.</translation>
    </message>
    <message>
        <source>Write the reason to cancel first.</source>
        <translation>Scrivere prima il motivo dell&apos;annullamento.</translation>
    </message>
    <message>
        <source>Appointment cancelled; its place is free again.</source>
        <translation>Appuntamento annullato; il posto è di nuovo libero.</translation>
    </message>
    <message>
        <source>Convocation confirmed.</source>
        <translation>Convocazione confermata.</translation>
    </message>
    <message>
        <source>Marked as not come.</source>
        <translation>Segnato come non venuto.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) marked as no-show.</source>
        <translation>
            <numerusform>%n appuntamento segnato come assente.</numerusform>
            <numerusform>%n appuntamenti segnati come assenti.</numerusform>
        </translation>
    </message>
    <message>
        <source>Appointments of the day</source>
        <translation>Appuntamenti del giorno</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Servizio</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Giorno</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Giorno precedente</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Giorno successivo</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Oggi</translation>
    </message>
    <message>
        <source>&amp;Book an appointment…</source>
        <translation>&amp;Prenota un appuntamento…</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Turni</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Appuntamenti</translation>
    </message>
    <message>
        <source>&amp;Check in: issue the ticket</source>
        <translation>&amp;Accetta l&apos;arrivo: emetti il biglietto</translation>
    </message>
    <message>
        <source>Mark &amp;no-shows</source>
        <translation>Segna gli asse&amp;nti</translation>
    </message>
    <message>
        <source>Mark as no-show every booked appointment whose arrival window has passed</source>
        <translation>Segna come assente ogni appuntamento prenotato la cui finestra di arrivo è trascorsa</translation>
    </message>
</context>
<context>
    <name>AppointmentTableModel</name>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Practice number</source>
        <translation>Numero pratica</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediatore</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Biglietto</translation>
    </message>
    <message>
        <source>language not given</source>
        <translation>lingua non indicata</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>prenotato</translation>
    </message>
    <message>
        <source>to book</source>
        <translation>da prenotare</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>account, or part of it</source>
        <translation>account, o parte del nome</translation>
    </message>
    <message>
        <source>e.g. staff.  login  denied:</source>
        <translation>es. staff.  login  denied:</translation>
    </message>
    <message>
        <source>e.g. staff, office, appointment</source>
        <translation>es. staff, office, appointment</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Al</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cerca</translation>
    </message>
    <message>
        <source>&amp;Export rows…</source>
        <translation>&amp;Esporta le righe…</translation>
    </message>
    <message>
        <source>Export &amp;counts…</source>
        <translation>Esporta i &amp;conteggi…</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Verifica la catena</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>Id oggetto</translation>
    </message>
    <message>
        <source>Only an administrator reads the audit log.</source>
        <translation>Solo un amministratore legge il registro di controllo.</translation>
    </message>
    <message>
        <source>%1 events.</source>
        <translation>%1 eventi.</translation>
    </message>
    <message>
        <source>Only the newest %1 are shown: narrow the filter.</source>
        <translation>Sono mostrati solo i %1 più recenti: restringere il filtro.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Esporta il registro di controllo</translation>
    </message>
    <message>
        <source>%1 lines written to %2.</source>
        <translation>%1 righe scritte in %2.</translation>
    </message>
    <message>
        <source>The audit chain is intact: %1 events checked.</source>
        <translation>La catena del registro è integra: %1 eventi verificati.</translation>
    </message>
    <message>
        <source>This PC had no checkpoint yet: a deleted end of the log could not be ruled out this time.</source>
        <translation>Questo PC non aveva ancora un punto di controllo: questa volta non si può escludere che la fine del registro sia stata cancellata.</translation>
    </message>
</context>
<context>
    <name>AwarenessMenu</name>
    <message>
        <source>A&amp;wareness</source>
        <translation>Sensi&amp;bilizzazione</translation>
    </message>
    <message>
        <source>Awareness &amp;sessions in the reception centres…</source>
        <translation>&amp;Incontri di sensibilizzazione nei centri di accoglienza…</translation>
    </message>
</context>
<context>
    <name>AwarenessWindow</name>
    <message>
        <source>Awareness sessions in the reception centres</source>
        <translation>Incontri di sensibilizzazione nei centri di accoglienza</translation>
    </message>
    <message>
        <source>&amp;Sessions (last and next %1 days)</source>
        <extracomment>The session to select once the list is read again (the one just planned), even when a change-feed reload started while the plan was saved would otherwise reselect the previous one.</extracomment>
        <translation>&amp;Incontri (ultimi e prossimi %1 giorni)</translation>
    </message>
    <message>
        <source>Plan a session</source>
        <translation>Pianifica un incontro</translation>
    </message>
    <message>
        <source>&amp;Centre</source>
        <translation>&amp;Centro</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Data e ora</translation>
    </message>
    <message>
        <source>D&amp;uration (minutes)</source>
        <translation>D&amp;urata (minuti)</translation>
    </message>
    <message>
        <source>&amp;Language group</source>
        <translation>&amp;Gruppo linguistico</translation>
    </message>
    <message>
        <source>Anti-trafficking &amp;organisation</source>
        <translation>&amp;Ente antitratta</translation>
    </message>
    <message>
        <source>Op&amp;erator</source>
        <translation>Opera&amp;tore</translation>
    </message>
    <message>
        <source>&amp;Mediator</source>
        <translation>&amp;Mediatore</translation>
    </message>
    <message>
        <source>C&amp;heck mediators</source>
        <translation>&amp;Verifica mediatori</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Pianifica</translation>
    </message>
    <message>
        <source>No mediator</source>
        <translation>Nessun mediatore</translation>
    </message>
    <message>
        <source>Best free mediator</source>
        <translation>Il miglior mediatore libero</translation>
    </message>
    <message>
        <source>Selected session</source>
        <translation>Incontro selezionato</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Nessun incontro selezionato</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Donne</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Uomini</translation>
    </message>
    <message>
        <source>Other / not said</source>
        <translation>Altro / non indicato</translation>
    </message>
    <message>
        <source>under 18</source>
        <translation>meno di 18</translation>
    </message>
    <message>
        <source>over 50</source>
        <translation>più di 50</translation>
    </message>
    <message>
        <source>Re&amp;ferrals to the anti-trafficking service</source>
        <translation>Segnala&amp;zioni al servizio antitratta</translation>
    </message>
    <message>
        <source>&amp;Record as held</source>
        <translation>&amp;Registra come svolto</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Motivo dell&apos;annullamento</translation>
    </message>
    <message>
        <source>Ca&amp;ncel session</source>
        <translation>A&amp;nnulla l&apos;incontro</translation>
    </message>
    <message>
        <source>Sa&amp;ve slides (PDF)…</source>
        <translation>Salva le &amp;slide (PDF)…</translation>
    </message>
    <message>
        <source>Save handou&amp;t (PDF)…</source>
        <translation>Salva il vo&amp;lantino (PDF)…</translation>
    </message>
    <message>
        <source>Save slides as PPT&amp;X (to edit)…</source>
        <translation>Salva le slide come PPT&amp;X (da modificare)…</translation>
    </message>
    <message>
        <source>No mediator of the roster works in this language.</source>
        <translation>Nessun mediatore dell&apos;elenco lavora in questa lingua.</translation>
    </message>
    <message>
        <source>Session planned.</source>
        <translation>Incontro pianificato.</translation>
    </message>
    <message>
        <source>Session recorded.</source>
        <translation>Incontro registrato.</translation>
    </message>
    <message>
        <source>Session cancelled; its mediator is free again.</source>
        <translation>Incontro annullato; il mediatore è di nuovo libero.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
    <message>
        <source>Save as PPTX</source>
        <translation>Salva come PPTX</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Salvato: %1</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>not given</source>
        <translation>non indicata</translation>
    </message>
    <message>
        <source>The first free mediator (best level)</source>
        <translation>Il primo mediatore libero (livello più alto)</translation>
    </message>
    <message>
        <source>No: an appointment the person asked for</source>
        <translation>No: un appuntamento chiesto dalla persona</translation>
    </message>
    <message>
        <source>&amp;Convocation for procedure:</source>
        <translation>&amp;Convocazione per la procedura:</translation>
    </message>
    <message>
        <source>%1 · %2 (level %3)</source>
        <translation>%1 · %2 (livello %3)</translation>
    </message>
    <message>
        <source>Free then: %1.</source>
        <translation>Liberi a quell&apos;ora: %1.</translation>
    </message>
    <message>
        <source>No mediator can come then. %1</source>
        <translation>Nessun mediatore può venire a quell&apos;ora. %1</translation>
    </message>
    <message>
        <source>Nobody on the roster speaks this language.</source>
        <translation>Nessuno dell&apos;elenco parla questa lingua.</translation>
    </message>
    <message numerus="yes">
        <source>%1-%2 · %n free of %3</source>
        <translation>
            <numerusform>%1-%2 · %n libero su %3</numerusform>
            <numerusform>%1-%2 · %n liberi su %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed to appointments: %1</source>
        <translation>Chiuso agli appuntamenti: %1</translation>
    </message>
    <message>
        <source>No appointment hours on this day.</source>
        <translation>Nessun orario di appuntamenti in questo giorno.</translation>
    </message>
    <message>
        <source>No free slot left on this day.</source>
        <translation>Nessun turno libero in questo giorno.</translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s)</source>
        <translation>
            <numerusform>%n turno libero</numerusform>
            <numerusform>%n turni liberi</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a free slot first.</source>
        <translation>Scegliere prima un turno libero.</translation>
    </message>
    <message>
        <source>Booked: %1 on %2 at %3.</source>
        <translation>Prenotato: %1 il %2 alle %3.</translation>
    </message>
    <message>
        <source>Mediator not booked: %1 Change the mode or the mediator and press “Book the mediator”, or start a new booking.</source>
        <translation>Mediatore non prenotato: %1 Cambiare modalità o mediatore e premere «Prenota il mediatore», oppure iniziare una nuova prenotazione.</translation>
    </message>
    <message>
        <source>Mediator %1 booked (%2).</source>
        <translation>Mediatore %1 prenotato (%2).</translation>
    </message>
    <message>
        <source>Book the &amp;mediator</source>
        <translation>Prenota il &amp;mediatore</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Prenota</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Prenota un appuntamento</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Servizio</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Giorno</translation>
    </message>
    <message>
        <source>Free s&amp;lot</source>
        <translation>&amp;Turno libero</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome e cognome</translation>
    </message>
    <message>
        <source>&amp;Practice number</source>
        <translation>N&amp;umero pratica</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>Needs a &amp;mediator</source>
        <translation>Serve un &amp;mediatore</translation>
    </message>
    <message>
        <source>Also book a mediator for this appointment</source>
        <translation>Prenota anche un mediatore per l&apos;appuntamento</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>M&amp;odalità</translation>
    </message>
    <message>
        <source>Med&amp;iator</source>
        <translation>Med&amp;iatore</translation>
    </message>
    <message>
        <source>N&amp;ew booking</source>
        <translation>Nuo&amp;va prenotazione</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <source>mon-fri 09:00-12:30, mon-thu 14:00-16:00</source>
        <extracomment>The same days as an Italian clerk writes them (the core&apos;s parser reads both, :mod:`desk_app.core.schedule`). How far ahead holidays are offered.</extracomment>
        <translation>lun-ven 09:00-12:30, lun-gio 14:00-16:00</translation>
    </message>
    <message>
        <source>&amp;Save the calendar</source>
        <translation>&amp;Salva il calendario</translation>
    </message>
    <message>
        <source>Appointment calendar</source>
        <translation>Calendario degli appuntamenti</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Opening hours (weekly)</source>
        <translation>Orari di apertura (settimanali)</translation>
    </message>
    <message>
        <source>Slot length (minutes)</source>
        <translation>Durata di una fascia (minuti)</translation>
    </message>
    <message>
        <source>Places per slot</source>
        <translation>Posti per fascia</translation>
    </message>
    <message>
        <source>Check-in from (minutes before)</source>
        <translation>Accettazione da (minuti prima)</translation>
    </message>
    <message>
        <source>Check-in until (minutes after)</source>
        <translation>Accettazione fino a (minuti dopo)</translation>
    </message>
    <message>
        <source>Bookable ahead (days)</source>
        <translation>Prenotabile con anticipo di (giorni)</translation>
    </message>
    <message>
        <source>Close this &amp;day</source>
        <translation>Chiudi questo &amp;giorno</translation>
    </message>
    <message>
        <source>(patron saint)</source>
        <translation>(santo patrono)</translation>
    </message>
    <message>
        <source>Close the &amp;checked holidays</source>
        <translation>Chiudi le &amp;festività spuntate</translation>
    </message>
    <message>
        <source>Closures (whole office)</source>
        <translation>Chiusure (tutto l&apos;ufficio)</translation>
    </message>
    <message>
        <source>National holidays and the patron saint&apos;s day of the coming year:</source>
        <translation>Festività nazionali e santo patrono del prossimo anno:</translation>
    </message>
    <message>
        <source>Read only: your role may not change calendars and closures.</source>
        <translation>Sola lettura: il suo ruolo non può modificare calendari e chiusure.</translation>
    </message>
    <message>
        <source>Calendar of %1 saved.</source>
        <translation>Calendario di %1 salvato.</translation>
    </message>
    <message>
        <source>%1 days closed; booked appointments on them: %2 (they stay booked: move them).</source>
        <translation>%1 giorni chiusi; appuntamenti prenotati in quei giorni: %2 (restano prenotati: spostarli).</translation>
    </message>
    <message>
        <source>%1 of the days chosen were closed already.</source>
        <translation>%1 dei giorni scelti erano già chiusi.</translation>
    </message>
</context>
<context>
    <name>CaseItemsModel</name>
    <message>
        <source>Document</source>
        <extracomment>Role returning the :class:`~desk_app.core.cases.CaseItemView` of a row. Colour of the translation-status line per status: reviewed is fine, a draft needs care, the rest is Italian.</extracomment>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Necessario</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>Da verificare</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>to verify</source>
        <translation>da verificare</translation>
    </message>
    <message>
        <source>The office must confirm this: %1</source>
        <translation>L&apos;ufficio deve confermarlo: %1</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>This account does not work on counter cases.</source>
        <translation>Questo account non lavora sulle pratiche allo sportello.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non eseguito</translation>
    </message>
    <message>
        <source>The notes are longer than %1 characters: shorten them to save.</source>
        <translation>Le note superano %1 caratteri: accorciarle per salvare.</translation>
    </message>
    <message>
        <source>Reopen a case</source>
        <translation>Riaprire una pratica</translation>
    </message>
    <message>
        <source>No case has practice number %1.</source>
        <translation>Nessuna pratica ha il numero %1.</translation>
    </message>
    <message>
        <source>Cases with this practice number:</source>
        <translation>Pratiche con questo numero:</translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation>Note salvate.</translation>
    </message>
    <message>
        <source>The case is not complete</source>
        <translation>La pratica non è completa</translation>
    </message>
    <message>
        <source>%1 document(s) missing and %2 required still to check. How do you close the visit?</source>
        <translation>Documenti mancanti: %1; obbligatori ancora da controllare: %2. Come si chiude la visita?</translation>
    </message>
    <message>
        <source>Incomplete: print the “bring next time” sheet</source>
        <translation>Incompleta: stampa il foglio «da portare la prossima volta»</translation>
    </message>
    <message>
        <source>Complete all the same</source>
        <translation>Completa comunque</translation>
    </message>
    <message>
        <source>Go back to the checklist</source>
        <translation>Torna alla lista dei documenti</translation>
    </message>
    <message>
        <source>open</source>
        <translation>aperta</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>chiusa: %1</translation>
    </message>
    <message>
        <source>No case. Choose the procedure of the person at the desk and attach it to their ticket, or type a practice number to reopen their case.</source>
        <translation>Nessuna pratica. Scegliere la procedura della persona allo sportello e associarla al suo biglietto, oppure scrivere un numero di pratica per riaprire la sua pratica.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Pratica %1</translation>
    </message>
    <message>
        <source>%1, checklist version %2</source>
        <translation>%1, lista documenti versione %2</translation>
    </message>
    <message>
        <source>practice %1</source>
        <translation>n. pratica %1</translation>
    </message>
    <message>
        <source>visit %1</source>
        <translation>visita %1</translation>
    </message>
    <message>
        <source>%1 presented, %2 missing, %3 not applicable, %4 to check</source>
        <translation>%1 presentati, %2 mancanti, %3 non pertinenti, %4 da controllare</translation>
    </message>
    <message numerus="yes">
        <source>(%n required still to check)</source>
        <translation>
            <numerusform>(%n obbligatorio ancora da controllare)</numerusform>
            <numerusform>(%n obbligatori ancora da controllare)</numerusform>
        </translation>
    </message>
    <message>
        <source>Instruction sheet</source>
        <translation>Foglio di istruzioni</translation>
    </message>
    <message>
        <source>&quot;Bring next time&quot; sheet</source>
        <translation>Foglio «da portare la prossima volta»</translation>
    </message>
    <message>
        <source>Translation into %1:</source>
        <translation>Traduzione in %1:</translation>
    </message>
    <message>
        <source>Sheet saved</source>
        <translation>Foglio salvato</translation>
    </message>
    <message>
        <source>Procedure for the ticket at this desk</source>
        <translation>Procedura per il biglietto allo sportello</translation>
    </message>
    <message>
        <source>&amp;Procedure</source>
        <translation>&amp;Procedura</translation>
    </message>
    <message>
        <source>Practice &amp;number</source>
        <translation>&amp;Numero di pratica</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>&amp;Attach to the ticket</source>
        <translation>&amp;Associa al biglietto</translation>
    </message>
    <message>
        <source>&amp;Reopen by practice number</source>
        <translation>&amp;Riapri con il numero di pratica</translation>
    </message>
    <message>
        <source>&amp;Document note</source>
        <translation>Nota sul doc&amp;umento</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>Esito della v&amp;isita</translation>
    </message>
    <message>
        <source>&amp;Save notes</source>
        <translation>Salva le no&amp;te</translation>
    </message>
    <message>
        <source>&amp;Close the case</source>
        <translation>C&amp;hiudi la pratica</translation>
    </message>
    <message>
        <source>Sheets for the user</source>
        <translation>Fogli per l&apos;utente</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lin&amp;gua</translation>
    </message>
    <message>
        <source>&amp;Bilingual (Italian under each line)</source>
        <translation>&amp;Bilingue (l&apos;italiano sotto ogni riga)</translation>
    </message>
    <message>
        <source>Print &amp;instructions</source>
        <translation>Stampa istru&amp;zioni</translation>
    </message>
    <message>
        <source>Instructions as PDF…</source>
        <translation>Istruzioni in PDF…</translation>
    </message>
    <message>
        <source>Print &quot;bring &amp;next time&quot;</source>
        <translation>Stampa «da portare la prossima &amp;volta»</translation>
    </message>
    <message>
        <source>&quot;Bring next time&quot; as PDF…</source>
        <translation>«Da portare la prossima volta» in PDF…</translation>
    </message>
</context>
<context>
    <name>ContentEditor</name>
    <message>
        <source>&amp;Save the Italian</source>
        <translation>&amp;Salva l&apos;italiano</translation>
    </message>
    <message>
        <source>Change the Italian of a procedure&apos;s text: its translations then become stale (translate them again in the translation review).</source>
        <translation>Modifichi l&apos;italiano di un testo della procedura: le sue traduzioni diventano allora superate (le traduca di nuovo nella revisione delle traduzioni).</translation>
    </message>
    <message>
        <source>You may read these texts; a supervisor or an administrator changes them.</source>
        <translation>Può leggere questi testi; li modifica un responsabile o un amministratore.</translation>
    </message>
    <message>
        <source>&amp;Procedure:</source>
        <translation>&amp;Procedura:</translation>
    </message>
    <message>
        <source>&amp;Italian text:</source>
        <translation>Testo &amp;italiano:</translation>
    </message>
    <message numerus="yes">
        <source>%n language(s) to translate</source>
        <translation>
            <numerusform>%n lingua da tradurre</numerusform>
            <numerusform>%n lingue da tradurre</numerusform>
        </translation>
    </message>
    <message>
        <source>translated</source>
        <translation>tradotto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Riassunto</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Passo %1</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condizione</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Stale (the Italian changed): %1</source>
        <translation>Superate (l&apos;italiano è cambiato): %1</translation>
    </message>
    <message>
        <source>Draft or missing: %1</source>
        <translation>Bozza o mancanti: %1</translation>
    </message>
    <message>
        <source>Every translation is reviewed.</source>
        <translation>Tutte le traduzioni sono revisionate.</translation>
    </message>
    <message>
        <source>No source recorded (an office text).</source>
        <translation>Nessuna fonte registrata (un testo dell&apos;ufficio).</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Fonti: %1</translation>
    </message>
    <message>
        <source>Last changed: %1</source>
        <translation>Ultima modifica: %1</translation>
    </message>
    <message>
        <source>(changed by the office)</source>
        <translation>(modificato dall&apos;ufficio)</translation>
    </message>
    <message>
        <source>To verify: %1</source>
        <translation>Da verificare: %1</translation>
    </message>
    <message>
        <source>Saved: its translations are now stale until translated again.</source>
        <translation>Salvato: le sue traduzioni sono ora superate finché non vengono tradotte di nuovo.</translation>
    </message>
</context>
<context>
    <name>ContentView</name>
    <message>
        <source>Each cell: the worst state of the texts a document prints in that language, and how many need work. ✓ reviewed · B draft · ! stale (the Italian changed: translate again) · — missing.</source>
        <extracomment>Cell colours by state: the eye finds the work before reading (the letter says it too, for colour-blind staff).</extracomment>
        <translation>Ogni casella: lo stato peggiore dei testi che un documento stampa in quella lingua, e quanti richiedono lavoro. ✓ revisionato · B bozza · ! superato (l&apos;italiano è cambiato: tradurre di nuovo) · — mancante.</translation>
    </message>
    <message>
        <source>Open the &amp;translation review…</source>
        <translation>Apri la &amp;revisione delle traduzioni…</translation>
    </message>
    <message>
        <source>Translation co&amp;verage</source>
        <translation>&amp;Copertura delle traduzioni</translation>
    </message>
    <message>
        <source>&amp;Italian texts</source>
        <translation>Testi &amp;italiani</translation>
    </message>
    <message>
        <source>&amp;Legalisation table</source>
        <translation>Tabella delle &amp;legalizzazioni</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <extracomment>Title of the dialog shown after an error the program did not expect (a bug).</extracomment>
        <translation>Errore imprevisto</translation>
    </message>
    <message>
        <source>An unexpected error occurred ({error}) and was written to the log. The program keeps running; if something looks wrong, close it and start it again.

Please send this log file to support:
{path}</source>
        <extracomment>{error} is a programmer&apos;s error name (e.g. ValueError), {path} the log file&apos;s full path.</extracomment>
        <translation>Si è verificato un errore imprevisto ({error}), registrato nel file di log. Il programma continua a funzionare; se qualcosa non va, chiudetelo e riapritelo.

Inviate all&apos;assistenza questo file di log:
{path}</translation>
    </message>
</context>
<context>
    <name>DeskAdmin</name>
    <message>
        <source>active</source>
        <extracomment>a staff account that can log in</extracomment>
        <translation>attivo</translation>
    </message>
    <message>
        <source>disabled</source>
        <extracomment>a staff account that cannot log in</extracomment>
        <translation>disattivo</translation>
    </message>
    <message>
        <source>service</source>
        <extracomment>before a service&apos;s code in the office summary</extracomment>
        <translation>servizio</translation>
    </message>
    <message>
        <source>desk</source>
        <extracomment>a counter, before its code</extracomment>
        <translation>sportello</translation>
    </message>
    <message>
        <source>file</source>
        <extracomment>the settings file, before its path</extracomment>
        <translation>file</translation>
    </message>
    <message>
        <source>no terminal to ask on: use --password-stdin</source>
        <translation>nessun terminale per chiederla: usare --password-stdin</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>Repeat password: </source>
        <translation>Ripetere la password: </translation>
    </message>
    <message>
        <source>the passwords differ</source>
        <translation>le due password differiscono</translation>
    </message>
    <message>
        <source>Schema upgraded: {before} -&gt; {after}</source>
        <extracomment>before/after are lists of schema revisions</extracomment>
        <translation>Schema aggiornato: {before} -&gt; {after}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vuoto</translation>
    </message>
    <message>
        <source>Schema already up to date ({revisions}).</source>
        <translation>Schema già aggiornato ({revisions}).</translation>
    </message>
    <message>
        <source>Backup: {backup}</source>
        <translation>Copia di sicurezza: {backup}</translation>
    </message>
    <message>
        <source>Database in good order.</source>
        <translation>Database in ordine.</translation>
    </message>
    <message>
        <source>Created {username} ({role}).</source>
        <translation>Creato {username} ({role}).</translation>
    </message>
    <message>
        <source>Password updated.</source>
        <translation>Password aggiornata.</translation>
    </message>
    <message>
        <source>  administrator {username}</source>
        <translation>  amministratore {username}</translation>
    </message>
    <message>
        <source>Audit checkpoint moved to the head, on record: {count} events, head hash {head}</source>
        <translation>Punto di controllo del registro di audit spostato sull&apos;ultimo evento, con registrazione: {count} eventi, ultimo hash {head}</translation>
    </message>
    <message>
        <source>Audit log intact: {count} events, head hash {head}</source>
        <translation>Registro di audit integro: {count} eventi, ultimo hash {head}</translation>
    </message>
    <message>
        <source>  the first {legacy} events predate the audit key: their chain is checked, anchored by the keyed events after them</source>
        <translation>  i primi {legacy} eventi sono anteriori alla chiave del registro: la loro catena è verificata, ancorata agli eventi con chiave che li seguono</translation>
    </message>
    <message>
        <source>  no checkpoint on this PC yet: deleted last events could not be ruled out this time (the checkpoint now names the head)</source>
        <translation>  nessun punto di controllo ancora su questo PC: questa volta non si può escludere che gli ultimi eventi siano stati cancellati (ora il punto di controllo indica l&apos;ultimo evento)</translation>
    </message>
    <message>
        <source>Tickets closed: {closed}</source>
        <translation>Biglietti chiusi: {closed}</translation>
    </message>
    <message>
        <source>The database password was moved out of the settings file to: {where}</source>
        <translation>La password del database è stata tolta dal file delle impostazioni e spostata in: {where}</translation>
    </message>
    <message>
        <source>only a PostgreSQL database has a password</source>
        <translation>solo un database PostgreSQL ha una password</translation>
    </message>
    <message>
        <source>Database password stored in: {where}</source>
        <translation>Password del database salvata in: {where}</translation>
    </message>
    <message>
        <source>present</source>
        <extracomment>the mediator has arrived</extracomment>
        <translation>presente</translation>
    </message>
    <message>
        <source>places</source>
        <extracomment>capacity of one appointment slot</extracomment>
        <translation>posti</translation>
    </message>
    <message>
        <source>free</source>
        <extracomment>places still free in a slot (plural)</extracomment>
        <translation>liberi</translation>
    </message>
    <message>
        <source>Ticket</source>
        <extracomment>before a ticket number</extracomment>
        <translation>Biglietto</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>mediatore</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>turno</translation>
    </message>
    <message>
        <source>Closed. Appointments to move: {affected}</source>
        <translation>Chiuso. Appuntamenti da spostare: {affected}</translation>
    </message>
    <message>
        <source>Closed: {closed_reason}</source>
        <translation>Chiuso: {closed_reason}</translation>
    </message>
    <message>
        <source>No slots.</source>
        <translation>Nessun turno.</translation>
    </message>
    <message>
        <source>on time: appointment priority</source>
        <translation>in orario: priorità appuntamento</translation>
    </message>
    <message>
        <source>early: ordinary queue</source>
        <translation>in anticipo: coda ordinaria</translation>
    </message>
    <message>
        <source>late: ordinary queue</source>
        <translation>in ritardo: coda ordinaria</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>Nessun appuntamento.</translation>
    </message>
    <message>
        <source>No match.</source>
        <translation>Nessun risultato.</translation>
    </message>
    <message>
        <source>Marked no-show: {marked}</source>
        <translation>Segnati assenti: {marked}</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>Registrato.</translation>
    </message>
    <message>
        <source>Calendar written to {path}</source>
        <translation>Calendario scritto in {path}</translation>
    </message>
    <message>
        <source>No bookings.</source>
        <translation>Nessuna prenotazione.</translation>
    </message>
    <message>
        <source>no language given</source>
        <translation>lingua non indicata</translation>
    </message>
    <message>
        <source>no mediator booked</source>
        <translation>nessun mediatore prenotato</translation>
    </message>
    <message>
        <source>mediator booked from</source>
        <translation>mediatore prenotato dalle</translation>
    </message>
    <message>
        <source>mediator not here yet</source>
        <translation>mediatore non ancora presente</translation>
    </message>
    <message>
        <source>No ticket waits for a mediator.</source>
        <translation>Nessun biglietto in attesa del mediatore.</translation>
    </message>
    <message>
        <source>to check</source>
        <extracomment>What the clerk recorded for a checklist item.</extracomment>
        <translation>da controllare</translation>
    </message>
    <message>
        <source>presented</source>
        <translation>presentato</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mancante</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>non pertinente</translation>
    </message>
    <message>
        <source>Case</source>
        <extracomment>a counter case, before its number</extracomment>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>ticket</source>
        <extracomment>before a ticket number</extracomment>
        <translation>biglietto</translation>
    </message>
    <message>
        <source>Note</source>
        <extracomment>the clerk&apos;s note on a case</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <source>No cases.</source>
        <translation>Nessuna pratica.</translation>
    </message>
    <message>
        <source>Breakdowns exported: {rows} rows to {path}</source>
        <translation>Prospetti esportati: {rows} righe in {path}</translation>
    </message>
    <message>
        <source>Indicators {period} exported to {path}: {served} people served</source>
        <translation>Indicatori {period} esportati in {path}: {served} persone servite</translation>
    </message>
    <message>
        <source>Counts exported: {rows} rows to {path}</source>
        <translation>Conteggi esportati: {rows} righe in {path}</translation>
    </message>
    <message>
        <source>Demo office {office_code} ready; database: {database}</source>
        <translation>Ufficio demo {office_code} pronto; database: {database}</translation>
    </message>
    <message>
        <source>Simulated day {day}: issued {issued}, served {served}, no-shows {no_shows}, transferred {transfers}, waiting now {waiting_left}</source>
        <translation>Giornata simulata {day}: emessi {issued}, serviti {served}, assenti {no_shows}, trasferiti {transfers}, in attesa ora {waiting_left}</translation>
    </message>
    <message>
        <source>Catalogue {catalogue_version}: {texts_added} texts added, {procedures_added} new procedures</source>
        <translation>Catalogo {catalogue_version}: {texts_added} testi aggiunti, {procedures_added} procedure nuove</translation>
    </message>
    <message>
        <source>Accounts created (password “{password}”): {usernames}</source>
        <translation>Utenti creati (password «{password}»): {usernames}</translation>
    </message>
    <message>
        <source>No tickets.</source>
        <translation>Nessun biglietto.</translation>
    </message>
    <message>
        <source>Catalogue {version}: {added} texts added, {updated} updated, {kept} edited by the office and kept; {procedures} new procedures; new checklist versions: {versions}</source>
        <translation>Catalogo {version}: {added} testi aggiunti, {updated} aggiornati, {kept} modificati dall&apos;ufficio e lasciati; {procedures} procedure nuove; nuove versioni di lista: {versions}</translation>
    </message>
    <message>
        <source>TO VERIFY</source>
        <translation>DA VERIFICARE</translation>
    </message>
    <message>
        <source>edited by the office: the sources below are the catalogue&apos;s</source>
        <translation>modificato dall&apos;ufficio: le fonti qui sotto sono quelle del catalogo</translation>
    </message>
    <message>
        <source>no source recorded</source>
        <translation>nessuna fonte registrata</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Sheet written to {path} ({language}, translation: {status})</source>
        <translation>Foglio scritto in {path} ({language}, traduzione: {status})</translation>
    </message>
    <message>
        <source>Ticket {number} written to {path} ({paper}, {language})</source>
        <translation>Biglietto {number} scritto in {path} ({paper}, {language})</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to {path}</source>
        <translation>
            <numerusform>%n voce scritta in {path}</numerusform>
            <numerusform>%n voci scritte in {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>{imported} translations imported ({stale} of an earlier Italian text), {unchanged} unchanged, {skipped} skipped</source>
        <translation>{imported} traduzioni importate ({stale} di un testo italiano precedente), {unchanged} invariate, {skipped} saltate</translation>
    </message>
    <message>
        <source>{reviewed} translations marked reviewed, {already} already reviewed; not reviewable: {stale} stale (the Italian changed: translate them again), {missing} missing</source>
        <translation>{reviewed} traduzioni segnate come revisionate, {already} già revisionate; non revisionabili: {stale} da aggiornare (il testo italiano è cambiato: vanno tradotte di nuovo), {missing} mancanti</translation>
    </message>
    <message>
        <source>Glossary not yet filled in for: {languages}</source>
        <translation>Glossario non ancora compilato per: {languages}</translation>
    </message>
    <message numerus="yes">
        <source>%n translations use another term for a glossary concept</source>
        <translation>
            <numerusform>%n traduzione usa un altro termine per un concetto del glossario</numerusform>
            <numerusform>%n traduzioni usano un altro termine per un concetto del glossario</numerusform>
        </translation>
    </message>
    <message>
        <source>EU</source>
        <extracomment>A country&apos;s standing in the legalisation table (the Hague Apostille Convention, the EU).</extracomment>
        <translation>UE</translation>
    </message>
    <message>
        <source>Hague</source>
        <translation>Aia</translation>
    </message>
    <message>
        <source>not Hague</source>
        <translation>non Aia</translation>
    </message>
    <message>
        <source>to verify</source>
        <translation>da verificare</translation>
    </message>
    <message>
        <source>draft</source>
        <extracomment>The translation status of a printed sheet.</extracomment>
        <translation>bozza</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>rivista</translation>
    </message>
    <message>
        <source>to update</source>
        <translation>da aggiornare</translation>
    </message>
    <message>
        <source>Legalisation table {version}, checked on {checked_on}</source>
        <translation>Tabella legalizzazioni {version}, verificata il {checked_on}</translation>
    </message>
    <message>
        <source>Document types (--document):</source>
        <translation>Tipi di documento (--document):</translation>
    </message>
    <message>
        <source>Issuers (--issuer):</source>
        <translation>Chi ha rilasciato il documento (--issuer):</translation>
    </message>
    <message>
        <source>Password of {user}: </source>
        <extracomment>For scripts: the password of ``--user`` (read once, then removed from the environment). Trade-off: the environment is not in the process list (``ps``) as arguments are, and ``/proc/PID/environ`` is readable by the same OS user and root only, but it is inherited by every child the script starts and easily ends up in shell history or a crontab; prefer ``--password-stdin`` from a 0600 file. Modules that add sub-commands. Features append theirs here.</extracomment>
        <translation>Password di {user}: </translation>
    </message>
    <message>
        <source>Would remove personal data older than {days} days (before {cutoff}):</source>
        <translation>Da cancellare: dati personali più vecchi di {days} giorni (prima del {cutoff}):</translation>
    </message>
    <message>
        <source>Removed personal data older than {days} days (before {cutoff}):</source>
        <translation>Cancellati i dati personali più vecchi di {days} giorni (prima del {cutoff}):</translation>
    </message>
    <message>
        <source>  appointments: {count} (of which convocations: {convocations})</source>
        <extracomment>counts of the retention purge, one per line</extracomment>
        <translation>  appuntamenti: {count} (di cui convocazioni: {convocations})</translation>
    </message>
    <message>
        <source>  cases: {count}</source>
        <translation>  pratiche: {count}</translation>
    </message>
    <message>
        <source>  ticket notes: {count}</source>
        <translation>  note dei biglietti: {count}</translation>
    </message>
    <message>
        <source>  mediator bookings: {count}</source>
        <translation>  prenotazioni dei mediatori: {count}</translation>
    </message>
    <message>
        <source>  backup copies: {count}</source>
        <translation>  copie di backup: {count}</translation>
    </message>
    <message>
        <source>  backup copies cleaned: {count}</source>
        <extracomment>younger backup copies in which the same personal data was removed too</extracomment>
        <translation>  copie di backup ripulite: {count}</translation>
    </message>
    <message>
        <source>Retention purge not run: {reason}</source>
        <translation>Cancellazione dei dati scaduti non eseguita: {reason}</translation>
    </message>
    <message>
        <source>Retention purge: already done today.</source>
        <translation>Cancellazione dei dati scaduti: già eseguita oggi.</translation>
    </message>
    <message>
        <source>Backup: {file}</source>
        <translation>Backup: {file}</translation>
    </message>
    <message>
        <source>Backup not run: {reason}</source>
        <translation>Backup non eseguito: {reason}</translation>
    </message>
    <message>
        <source>Backup: already done today.</source>
        <translation>Backup: già eseguito oggi.</translation>
    </message>
    <message>
        <source>Backup written: {file} ({size} bytes, integrity {check})</source>
        <translation>Backup scritto: {file} ({size} byte, integrità {check})</translation>
    </message>
    <message>
        <source>Older copies removed by the rotation: {count}</source>
        <translation>Copie più vecchie rimosse dalla rotazione: {count}</translation>
    </message>
    <message>
        <source>No backup copies.</source>
        <translation>Nessuna copia di backup.</translation>
    </message>
    <message>
        <source>Database restored from {file}.</source>
        <translation>Database ripristinato da {file}.</translation>
    </message>
    <message>
        <source>The replaced database was copied to {file}.</source>
        <translation>Il database sostituito è stato copiato in {file}.</translation>
    </message>
    <message>
        <source>people</source>
        <extracomment>before the number of people present at a session</extracomment>
        <translation>presenti</translation>
    </message>
    <message>
        <source>referrals</source>
        <extracomment>before the number of people referred to the anti-trafficking service</extracomment>
        <translation>segnalazioni</translation>
    </message>
    <message>
        <source>no mediator</source>
        <extracomment>a session has no mediator booked</extracomment>
        <translation>nessun mediatore</translation>
    </message>
    <message>
        <source>Reception centre {code} saved: {name}</source>
        <translation>Centro di accoglienza {code} salvato: {name}</translation>
    </message>
    <message>
        <source>Session planned: {session}</source>
        <translation>Incontro pianificato: {session}</translation>
    </message>
    <message>
        <source>Session recorded: {session}</source>
        <translation>Incontro registrato: {session}</translation>
    </message>
    <message>
        <source>Session cancelled: {session}</source>
        <translation>Incontro annullato: {session}</translation>
    </message>
    <message>
        <source>Awareness counts {period} exported to {path}: {held} sessions, {attendees} people, {referrals} referrals</source>
        <translation>Conteggi della sensibilizzazione {period} esportati in {path}: {held} incontri, {attendees} persone, {referrals} segnalazioni</translation>
    </message>
    <message>
        <source>Written to {path} ({language}, translation {status})</source>
        <translation>Scritto in {path} ({language}, traduzione {status})</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <extracomment>before the overdue mark of a practice in a list</extracomment>
        <translation>SCADUTA</translation>
    </message>
    <message>
        <source>working days</source>
        <extracomment>a practice&apos;s working days waiting, after the number</extracomment>
        <translation>giorni lavorativi</translation>
    </message>
    <message>
        <source>No shared practices.</source>
        <extracomment>nothing waits</extracomment>
        <translation>Nessuna pratica condivisa.</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <extracomment>where a document was written</extracomment>
        <translation>Scritto: {path}</translation>
    </message>
    <message>
        <source>Meeting {id} recorded with {count} decisions.</source>
        <extracomment>a recorded coordination meeting</extracomment>
        <translation>Riunione {id} registrata con {count} decisioni.</translation>
    </message>
    <message>
        <source>{count} published services written to {file} (HSDS 3.0).</source>
        <translation>{count} servizi pubblicati scritti in {file} (HSDS 3.0).</translation>
    </message>
    <message>
        <source>{organisations} organisations and {services} services imported, to be reviewed before publication.</source>
        <translation>Importati {organisations} enti e {services} servizi, da rivedere prima della pubblicazione.</translation>
    </message>
    <message>
        <source>HSDS fields Sportello does not keep, left out: {fields}</source>
        <translation>Campi HSDS che Sportello non conserva, tralasciati: {fields}</translation>
    </message>
    <message>
        <source>Template written to {file} ({count} services filled in).</source>
        <translation>Modello scritto in {file} ({count} servizi già compilati).</translation>
    </message>
    <message>
        <source>Site written to {folder}: {entries} entries, {pages} pages in {languages} languages ({megabytes} MB).</source>
        <translation>Sito scritto in {folder}: {entries} voci, {pages} pagine in {languages} lingue ({megabytes} MB).</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) (! = to be confirmed again by the organisation)</source>
        <translation>
            <numerusform>%n scheda (! = da far confermare di nuovo all&apos;organizzazione)</numerusform>
            <numerusform>%n schede (! = da far confermare di nuovo all&apos;organizzazione)</numerusform>
        </translation>
    </message>
    <message>
        <source>No service found.</source>
        <translation>Nessun servizio trovato.</translation>
    </message>
    <message>
        <source>{organisations} organisations, {services} services, {locations} locations written</source>
        <translation>{organisations} organizzazioni, {services} servizi, {locations} sedi scritti</translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <source>The field “{field}” is required.</source>
        <translation>Il campo «{field}» è obbligatorio.</translation>
    </message>
    <message>
        <source>The field “{field}” is longer than {max} characters.</source>
        <translation>Il campo «{field}» supera i {max} caratteri.</translation>
    </message>
    <message>
        <source>The field “{field}” contains control characters that are not allowed.</source>
        <translation>Il campo «{field}» contiene caratteri di controllo non ammessi.</translation>
    </message>
    <message>
        <source>The field “{field}” contains text-direction marks that are not allowed.</source>
        <translation>Il campo «{field}» contiene segni di direzione del testo non ammessi.</translation>
    </message>
    <message>
        <source>The code “{value}” is not valid: use 1 to {max} letters, digits, - or _ (no spaces).</source>
        <translation>Il codice «{value}» non è valido: usare da 1 a {max} lettere, cifre, - o _ (senza spazi).</translation>
    </message>
    <message>
        <source>The user name “{value}” is not valid: use 2 to 32 letters, digits, dots, - or _, starting with a letter or a digit (no spaces).</source>
        <translation>Il nome utente «{value}» non è valido: usare da 2 a 32 lettere, cifre, punti, - o _, iniziando con una lettera o una cifra (senza spazi).</translation>
    </message>
    <message>
        <source>Value “{value}” is not allowed for “{field}”; allowed: {allowed}.</source>
        <translation>Valore «{value}» non ammesso per «{field}»; ammessi: {allowed}.</translation>
    </message>
    <message>
        <source>Choose one of the list for “{field}”.</source>
        <translation>Scegliere un valore dell&apos;elenco per «{field}».</translation>
    </message>
    <message>
        <source>The date “{value}” is not valid (format YYYY-MM-DD).</source>
        <translation>La data «{value}» non è valida (formato AAAA-MM-GG).</translation>
    </message>
    <message>
        <source>Invalid date range: {start} is after {end}.</source>
        <translation>Intervallo di date non valido: {start} è dopo {end}.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid number for “{field}”.</source>
        <translation>«{value}» non è un numero valido per «{field}».</translation>
    </message>
    <message>
        <source>The password must be at least {min} characters long.</source>
        <translation>La password deve avere almeno {min} caratteri.</translation>
    </message>
    <message>
        <source>{kind} “{value}” already exists.</source>
        <translation>{kind} «{value}»: già presente.</translation>
    </message>
    <message>
        <source>Setting “{name}”: {reason}</source>
        <translation>Impostazione «{name}»: {reason}</translation>
    </message>
    <message>
        <source>There is no setting “{name}”; the settings are: {allowed}.</source>
        <translation>Non esiste l&apos;impostazione «{name}»; le impostazioni sono: {allowed}.</translation>
    </message>
    <message>
        <source>“{name}” is a setting of the whole office, not of this PC: change it in Administration → Office.</source>
        <translation>«{name}» è un&apos;impostazione di tutto l&apos;ufficio, non di questo PC: si cambia in Amministrazione → Ufficio.</translation>
    </message>
    <message>
        <source>Setup file “{path}” cannot be read: {reason}</source>
        <translation>File di configurazione «{path}» non leggibile: {reason}</translation>
    </message>
    <message>
        <source>The database already holds office “{office}”: the demo loads only into an empty database (use --home with a scratch folder).</source>
        <translation>Il database contiene già l&apos;ufficio «{office}»: la demo si carica solo in un database vuoto (usare --home con una cartella di prova).</translation>
    </message>
    <message>
        <source>The database already holds office “{office}”: the first-run set-up creates an office only in an empty database.</source>
        <translation>Il database contiene già l&apos;ufficio «{office}»: la prima configurazione crea un ufficio solo in un database vuoto.</translation>
    </message>
    <message>
        <source>The training office opens only its own practice database, never the office&apos;s real one.</source>
        <translation>L&apos;ufficio di esercitazione apre solo il proprio database di prova, mai quello vero dell&apos;ufficio.</translation>
    </message>
    <message>
        <source>{day} is already closed (“{reason}”): the closure is not added twice.</source>
        <translation>Il {day} è già chiuso («{reason}»): la chiusura non viene aggiunta due volte.</translation>
    </message>
    <message>
        <source>The service “{value}” still has {count} tickets open today: it can be taken out of use once they are done or transferred.</source>
        <translation>Il servizio «{value}» ha ancora {count} biglietti aperti oggi: si può mettere fuori uso quando saranno conclusi o trasferiti.</translation>
    </message>
    <message>
        <source>Day {day} already has tickets: the demo does not simulate it twice.</source>
        <translation>La giornata {day} ha già dei biglietti: la demo non la simula una seconda volta.</translation>
    </message>
    <message>
        <source>The database file “{path}” does not exist (it is created at first start or by “desk-admin db upgrade”).</source>
        <translation>Il file di database «{path}» non esiste (verrà creato al primo avvio o con «desk-admin db upgrade»).</translation>
    </message>
    <message>
        <source>“{value}” is out of range for “{field}”: allowed from {min} to {max}.</source>
        <translation>«{value}» è fuori dall&apos;intervallo ammesso per «{field}»: da {min} a {max}.</translation>
    </message>
    <message>
        <source>A number is too large for the database: at most {max}.</source>
        <translation>Numero troppo grande per il database: al massimo {max}.</translation>
    </message>
    <message>
        <source>The date {value} is outside the dates Sportello handles ({min} to {max}).</source>
        <translation>La data {value} è fuori dalle date gestite da Sportello (dal {min} al {max}).</translation>
    </message>
    <message>
        <source>Only earlier days can be closed: {day} is after today ({today}).</source>
        <translation>Si possono chiudere solo i giorni passati: {day} è dopo oggi ({today}).</translation>
    </message>
    <message>
        <source>The disk is full: “{path}” could not be written. Free some space and try again.</source>
        <translation>Il disco è pieno: non è stato possibile scrivere «{path}». Liberare spazio e riprovare.</translation>
    </message>
    <message>
        <source>“{path}” is a folder: give the name of a file to write.</source>
        <translation>«{path}» è una cartella: indicare il nome di un file da scrivere.</translation>
    </message>
    <message>
        <source>“{path}” is a file, not a folder.</source>
        <translation>«{path}» è un file, non una cartella.</translation>
    </message>
    <message>
        <source>“{path}” cannot be written: {reason}.</source>
        <translation>Impossibile scrivere «{path}»: {reason}.</translation>
    </message>
    <message>
        <source>Settings file “{path}”: {name} = {value} is not allowed ({reason}); the default {default} is used.</source>
        <translation>File delle impostazioni «{path}»: {name} = {value} non è ammesso ({reason}); si usa il valore predefinito {default}.</translation>
    </message>
    <message>
        <source>Unknown office: “{value}”.</source>
        <translation>Ufficio sconosciuto: «{value}».</translation>
    </message>
    <message>
        <source>No office is set up: run “desk-admin setup” or “desk-admin demo”.</source>
        <translation>Nessun ufficio configurato: eseguire «desk-admin setup» o «desk-admin demo».</translation>
    </message>
    <message>
        <source>Unknown service: “{value}”.</source>
        <translation>Servizio sconosciuto: «{value}».</translation>
    </message>
    <message>
        <source>Unknown desk: “{value}”.</source>
        <translation>Sportello sconosciuto: «{value}».</translation>
    </message>
    <message>
        <source>Unknown staff member: “{value}”.</source>
        <translation>Operatore sconosciuto: «{value}».</translation>
    </message>
    <message>
        <source>This is the last active administrator: make another account administrator first.</source>
        <translation>Questo è l&apos;ultimo amministratore attivo: rendere prima amministratore un altro account.</translation>
    </message>
    <message>
        <source>Ticket “{value}” not found for today.</source>
        <translation>Biglietto «{value}» non trovato per oggi.</translation>
    </message>
    <message>
        <source>The service “{value}” is not active.</source>
        <translation>Il servizio «{value}» non è attivo.</translation>
    </message>
    <message>
        <source>No ticket is waiting for desk {desk}.</source>
        <translation>Nessun biglietto in attesa per lo sportello {desk}.</translation>
    </message>
    <message>
        <source>No ticket can be called for desk {desk}: {count} waiting for their mediator (see “mediators waiting”).</source>
        <translation>Nessun biglietto chiamabile per lo sportello {desk}: {count} in attesa del mediatore (vedere «mediators waiting»).</translation>
    </message>
    <message>
        <source>Desk {desk} already has ticket {number} in progress: finish it first.</source>
        <translation>Lo sportello {desk} ha già il biglietto {number} in corso: chiuderlo prima.</translation>
    </message>
    <message>
        <source>Desk {desk} has no ticket in progress.</source>
        <translation>Lo sportello {desk} non ha un biglietto in corso.</translation>
    </message>
    <message>
        <source>Ticket {number} was already called by desk {desk}.</source>
        <translation>Il biglietto {number} è già stato chiamato dallo sportello {desk}.</translation>
    </message>
    <message>
        <source>Ticket {number} is “{status}”: cannot {action}.</source>
        <translation>Il biglietto {number} è «{status}»: impossibile {action}.</translation>
    </message>
    <message>
        <source>Ticket {number} belongs to another day ({day}).</source>
        <translation>Il biglietto {number} è di un altro giorno ({day}).</translation>
    </message>
    <message>
        <source>There are two tickets {number} today (a prefix moved to another service): pick it from the list.</source>
        <translation>Oggi ci sono due biglietti {number} (un prefisso è passato a un altro servizio): sceglierlo dalla lista.</translation>
    </message>
    <message>
        <source>Prefix “{prefix}” was already used today by another service: reuse it from tomorrow.</source>
        <translation>Il prefisso «{prefix}» è già stato usato oggi da un altro servizio: riusarlo da domani.</translation>
    </message>
    <message>
        <source>Ticket {number} is already in service {service}.</source>
        <translation>Il biglietto {number} è già nel servizio {service}.</translation>
    </message>
    <message>
        <source>Transfer a ticket to one place: a service, a desk or a colleague.</source>
        <translation>Trasferire un biglietto verso un solo destinatario: un servizio, uno sportello o un collega.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nome utente o password errati.</translation>
    </message>
    <message>
        <source>Account locked after too many attempts: try again in {minutes} minutes.</source>
        <translation>Account bloccato dopo troppi tentativi: riprovare tra {minutes} minuti.</translation>
    </message>
    <message>
        <source>Permission denied: role “{role}” may not {action}.</source>
        <translation>Permesso negato: il ruolo «{role}» non può {action}.</translation>
    </message>
    <message>
        <source>Acting on another office is not allowed.</source>
        <translation>Operazione su un altro ufficio non consentita.</translation>
    </message>
    <message>
        <source>Only a staff member may {action}: run it with --user NAME and that person&apos;s password (--system acts for no one).</source>
        <translation>Solo un operatore può {action}: esegui il comando con --user NOME e la password di quella persona (--system non agisce per nessuno).</translation>
    </message>
    <message>
        <source>Say who acts: --user NAME (with that person&apos;s password) or, for this machine&apos;s own jobs, --system.</source>
        <translation>Indica chi agisce: --user NOME (con la password di quella persona) oppure, per i lavori propri di questa macchina, --system.</translation>
    </message>
    <message>
        <source>No terminal to ask for the password of “{user}”: use --password-stdin or the DESK_APP_PASSWORD variable.</source>
        <translation>Nessun terminale su cui chiedere la password di «{user}»: usa --password-stdin o la variabile DESK_APP_PASSWORD.</translation>
    </message>
    <message>
        <source>--system is for the owner of the database file “{path}” (OS user {owner}): run it as that user, or log in with --user NAME.</source>
        <translation>--system è riservato al proprietario del file di database «{path}» (utente di sistema {owner}): eseguilo come quell&apos;utente, oppure accedi con --user NOME.</translation>
    </message>
    <message>
        <source>--system sets up only an empty database, together with its first administrator (--admin NAME): then log in as them with --user NAME.</source>
        <translation>--system configura solo un database vuoto, insieme al suo primo amministratore (--admin NOME): poi accedi come tale con --user NOME.</translation>
    </message>
    <message>
        <source>The database password must not be written in the URL ({where}: others can read it there): store it with “desk-admin --system config --db-password”.</source>
        <translation>La password del database non va scritta nell&apos;URL ({where}: altri possono leggerla lì): salvala con «desk-admin --system config --db-password».</translation>
    </message>
    <message>
        <source>Database not reachable ({target}): {reason}</source>
        <translation>Database non raggiungibile ({target}): {reason}</translation>
    </message>
    <message>
        <source>The file “{path}” is not a Sportello (SQLite) database.</source>
        <translation>Il file «{path}» non è un database Sportello (SQLite).</translation>
    </message>
    <message>
        <source>The database file “{path}” is on a network share ({fstype}): SQLite corrupts data there. Use a PostgreSQL server for several desks.</source>
        <translation>Il file di database «{path}» è su una cartella di rete ({fstype}): SQLite lì corrompe i dati. Usare un server PostgreSQL per più postazioni.</translation>
    </message>
    <message>
        <source>Invalid database URL: “{url}”.</source>
        <translation>Indirizzo di database non valido: «{url}».</translation>
    </message>
    <message>
        <source>The database schema is at revision {current}, {head} is needed: run “desk-admin db upgrade”.</source>
        <translation>Lo schema del database è alla versione {current}, serve {head}: eseguire «desk-admin db upgrade».</translation>
    </message>
    <message>
        <source>The database schema does not match this version of Sportello ({reason}): run “desk-admin db upgrade”.</source>
        <translation>Lo schema del database non corrisponde a questa versione di Sportello ({reason}): eseguire «desk-admin db upgrade».</translation>
    </message>
    <message>
        <source>The database is busy, try again shortly.</source>
        <translation>Il database è occupato, riprovare tra poco.</translation>
    </message>
    <message>
        <source>The backup copy “{path}” failed its integrity check ({reason}): it was not kept.</source>
        <translation>La copia di backup «{path}» non ha superato il controllo di integrità ({reason}): non è stata conservata.</translation>
    </message>
    <message>
        <source>“{tool}” is not installed on this PC: PostgreSQL backups and restores need the PostgreSQL client tools (package postgresql-client).</source>
        <translation>«{tool}» non è installato su questo PC: backup e ripristini di PostgreSQL richiedono gli strumenti client di PostgreSQL (pacchetto postgresql-client).</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} non riuscito: {reason}</translation>
    </message>
    <message>
        <source>The backup file “{path}” does not exist.</source>
        <translation>Il file di backup «{path}» non esiste.</translation>
    </message>
    <message>
        <source>The file “{path}” is not a Sportello backup for this database ({reason}).</source>
        <translation>Il file «{path}» non è un backup di Sportello per questo database ({reason}).</translation>
    </message>
    <message>
        <source>A restore replaces the whole database: close every desk, then repeat with --force (a copy of the current database is taken first).</source>
        <translation>Il ripristino sostituisce l&apos;intero database: chiudere tutti gli sportelli, poi ripetere con --force (prima viene fatta una copia del database attuale).</translation>
    </message>
    <message>
        <source>A restore replaces the whole database ({connected} other connections open now): close every desk, then repeat with --force (a copy of the current database is taken first).</source>
        <translation>Il ripristino sostituisce l&apos;intero database ({connected} altre connessioni aperte ora): chiudere tutti gli sportelli, poi ripetere con --force (prima viene fatta una copia del database attuale).</translation>
    </message>
    <message>
        <source>The database server&apos;s certificate was refused ({target}): {reason} (check sslrootcert and the server name in the URL).</source>
        <translation>Il certificato del server di database è stato rifiutato ({target}): {reason} (controlla sslrootcert e il nome del server nell&apos;URL).</translation>
    </message>
    <message>
        <source>Unknown procedure: “{value}”.</source>
        <translation>Procedura sconosciuta: «{value}».</translation>
    </message>
    <message>
        <source>Counter case {value} not found.</source>
        <translation>Pratica allo sportello n. {value} non trovata.</translation>
    </message>
    <message>
        <source>Document “{value}” is not on the checklist of procedure {procedure}.</source>
        <translation>Il documento «{value}» non è nella lista della procedura {procedure}.</translation>
    </message>
    <message>
        <source>Unknown text: “{value}”.</source>
        <translation>Testo sconosciuto: «{value}».</translation>
    </message>
    <message>
        <source>The text ({lang}) was changed meanwhile by {who} on {when}; it now reads: “{current}”. Nothing was saved: read it, then save again to replace it.</source>
        <translation>Il testo ({lang}) è stato modificato nel frattempo da {who} il {when}; ora dice: «{current}». Non è stato salvato nulla: legga il nuovo testo, poi salvi di nuovo per sostituirlo.</translation>
    </message>
    <message>
        <source>Case {value} is closed: reopen it before changing it.</source>
        <translation>La pratica {value} è chiusa: riaprirla prima di modificarla.</translation>
    </message>
    <message>
        <source>The case is not complete: {missing} document(s) missing and {pending} required still to check.</source>
        <translation>La pratica non è completa: documenti mancanti {missing}, obbligatori ancora da controllare {pending}.</translation>
    </message>
    <message>
        <source>The procedure catalogue is not loaded: run “desk-admin content load”.</source>
        <translation>Catalogo delle procedure non caricato: eseguire «desk-admin content load».</translation>
    </message>
    <message>
        <source>Catalogue “{path}” is not valid: {reason}</source>
        <translation>Catalogo «{path}» non valido: {reason}</translation>
    </message>
    <message>
        <source>Translation file “{path}” is not valid: {reason}</source>
        <translation>File di traduzione «{path}» non valido: {reason}</translation>
    </message>
    <message>
        <source>The file “{path}” is for language “{found}”, not “{expected}”.</source>
        <translation>Il file «{path}» è per la lingua «{found}», non «{expected}».</translation>
    </message>
    <message>
        <source>Country “{value}” is not in the legalisation table (desk-admin legalisation --list).</source>
        <translation>Lo Stato «{value}» non è nella tabella delle legalizzazioni (desk-admin legalisation --list).</translation>
    </message>
    <message>
        <source>“{value}” is Italy: an Italian document used in Italy needs no legalisation.</source>
        <translation>«{value}» è l&apos;Italia: un documento italiano da usare in Italia non va legalizzato.</translation>
    </message>
    <message>
        <source>The time “{value}” is not valid (format HH:MM).</source>
        <translation>L&apos;orario «{value}» non è valido (formato HH:MM).</translation>
    </message>
    <message>
        <source>Hours “{value}” not valid: write for example “mon-fri 09:00-12:30”.</source>
        <translation>Orario «{value}» non valido: scrivere ad esempio «lun-ven 09:00-12:30».</translation>
    </message>
    <message>
        <source>Invalid period: the end ({end}) must come after the start ({start}).</source>
        <translation>Periodo non valido: la fine ({end}) deve venire dopo l&apos;inizio ({start}).</translation>
    </message>
    <message>
        <source>Give either --period or --from and --to, not both.</source>
        <translation>Indicare --period oppure --from e --to, non entrambi.</translation>
    </message>
    <message>
        <source>Service {service} has no appointment calendar.</source>
        <translation>Il servizio {service} non ha un calendario appuntamenti.</translation>
    </message>
    <message>
        <source>No slot of {service} starts on {day} at {time}: see “appointments slots”.</source>
        <translation>Nessun turno di {service} inizia il {day} alle {time}: vedere «appointments slots».</translation>
    </message>
    <message>
        <source>{service} is closed on {day}: {reason}</source>
        <translation>{service} è chiuso il {day}: {reason}</translation>
    </message>
    <message>
        <source>The slot of {day} at {time} has already begun.</source>
        <translation>Il turno del {day} alle {time} è già iniziato.</translation>
    </message>
    <message>
        <source>Bookings are taken at most {days} days ahead.</source>
        <translation>Si prenota al massimo {days} giorni in anticipo.</translation>
    </message>
    <message>
        <source>The slot of {service} on {day} at {time} is full ({capacity} places).</source>
        <translation>Il turno di {service} del {day} alle {time} è pieno ({capacity} posti).</translation>
    </message>
    <message>
        <source>This person already has an appointment ({service}, {day} at {time}): move it instead of booking another.</source>
        <translation>Questa persona ha già un appuntamento ({service}, {day} alle {time}): spostarlo invece di prenotarne un altro.</translation>
    </message>
    <message>
        <source>Appointment {value} not found.</source>
        <translation>Appuntamento {value} non trovato.</translation>
    </message>
    <message>
        <source>Appointment {id} is “{status}”: cannot {action}.</source>
        <translation>L&apos;appuntamento {id} è «{status}»: impossibile {action}.</translation>
    </message>
    <message>
        <source>Appointment {id} is for {day}, not today.</source>
        <translation>L&apos;appuntamento {id} è per il {day}, non per oggi.</translation>
    </message>
    <message>
        <source>Appointment {id} is on {day} at {time}: it can be marked as not shown only from then (before, cancel it).</source>
        <translation>L&apos;appuntamento {id} è il {day} alle {time}: si può segnare come non presentato solo da allora (prima, annullarlo).</translation>
    </message>
    <message>
        <source>Convocation {value} not found.</source>
        <translation>Convocazione {value} non trovata.</translation>
    </message>
    <message>
        <source>Convocation {id} is “{status}”: cannot {action}.</source>
        <translation>La convocazione {id} è «{status}»: impossibile {action}.</translation>
    </message>
    <message>
        <source>Unknown mediator: “{value}”.</source>
        <translation>Mediatore sconosciuto: «{value}».</translation>
    </message>
    <message>
        <source>User “{value}” is not linked to a mediator of the roster.</source>
        <translation>L&apos;utente «{value}» non è collegato a un mediatore dell&apos;elenco.</translation>
    </message>
    <message>
        <source>Mediator booking {value} not found.</source>
        <translation>Prenotazione del mediatore {value} non trovata.</translation>
    </message>
    <message>
        <source>Booking {id} is “{status}”: cannot {action}.</source>
        <translation>La prenotazione {id} è «{status}»: impossibile {action}.</translation>
    </message>
    <message>
        <source>Booking {id} belongs to another mediator.</source>
        <translation>La prenotazione {id} è di un altro mediatore.</translation>
    </message>
    <message>
        <source>Mediator {mediator} does not work in “{language}”.</source>
        <translation>Il mediatore {mediator} non lavora in «{language}».</translation>
    </message>
    <message>
        <source>Mediator {mediator} is absent on {day} ({reason}).</source>
        <translation>Il mediatore {mediator} è assente il {day} ({reason}).</translation>
    </message>
    <message>
        <source>Mediator {mediator} is not available on {day} {start}-{end} ({mode}); available that day: {windows}.</source>
        <translation>Il mediatore {mediator} non è disponibile il {day} {start}-{end} ({mode}); disponibilità quel giorno: {windows}.</translation>
    </message>
    <message>
        <source>Mediator {mediator} is already booked on {day} {start}-{end}.</source>
        <translation>Il mediatore {mediator} è già prenotato il {day} {start}-{end}.</translation>
    </message>
    <message>
        <source>No mediator for “{language}” is free on {day} {start}-{end} ({mode}): {reasons}</source>
        <translation>Nessun mediatore per «{language}» libero il {day} {start}-{end} ({mode}): {reasons}</translation>
    </message>
    <message>
        <source>Ticket {number} does not need a mediator.</source>
        <translation>Il biglietto {number} non richiede un mediatore.</translation>
    </message>
    <message>
        <source>Directory entry “{value}” not found.</source>
        <translation>Scheda dell&apos;elenco dei servizi «{value}» non trovata.</translation>
    </message>
    <message>
        <source>This entry belongs to another organisation: a partner changes only their own organisation&apos;s entries.</source>
        <translation>Questa scheda appartiene a un&apos;altra organizzazione: un ente partner modifica solo le schede della propria organizzazione.</translation>
    </message>
    <message>
        <source>The account “{value}” does not have the partner organisation role.</source>
        <translation>L&apos;account «{value}» non ha il ruolo di ente partner.</translation>
    </message>
    <message>
        <source>The account “{value}” is not linked to an organisation of the directory yet: ask the office to link it.</source>
        <translation>L&apos;account «{value}» non è ancora collegato a un&apos;organizzazione dell&apos;elenco: chiedere all&apos;ufficio di collegarlo.</translation>
    </message>
    <message>
        <source>The entry “{name}” is “{status}”: cannot {action}.</source>
        <translation>La scheda «{name}» è «{status}»: non è possibile {action}.</translation>
    </message>
    <message>
        <source>Opening hours of {day}: the opening time {opens} must come before the closing time {closes}.</source>
        <translation>Orari di {day}: l&apos;apertura ({opens}) deve venire prima della chiusura ({closes}).</translation>
    </message>
    <message>
        <source>Opening hours of {day} overlap: {first} and {second}.</source>
        <translation>Gli orari di {day} si sovrappongono: {first} e {second}.</translation>
    </message>
    <message>
        <source>“{value}” is not a telephone number (digits, spaces and an initial +).</source>
        <translation>«{value}» non è un numero di telefono (cifre, spazi e un + iniziale).</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» non è un indirizzo e-mail.</translation>
    </message>
    <message>
        <source>“{value}” is not a web address (it begins with https://).</source>
        <translation>«{value}» non è un indirizzo web (comincia con https://).</translation>
    </message>
    <message>
        <source>“{value}” is not an Italian postcode (five digits).</source>
        <translation>«{value}» non è un CAP italiano (cinque cifre).</translation>
    </message>
    <message>
        <source>Shared practice {value} not found.</source>
        <translation>Pratica condivisa {value} non trovata.</translation>
    </message>
    <message>
        <source>Practice “{value}” is already with the other office (shared practice {id}): answer or close that one.</source>
        <translation>La pratica “{value}” è già presso l&apos;altro ufficio (pratica condivisa {id}): rispondere o chiudere quella.</translation>
    </message>
    <message>
        <source>Shared practice {value} is not waiting on your office for this: it may have moved meanwhile.</source>
        <translation>La pratica condivisa {value} non è in attesa del vostro ufficio per questa azione: potrebbe essere cambiata nel frattempo.</translation>
    </message>
    <message>
        <source>Only the office that opened shared practice {value} can send it again or close it.</source>
        <translation>Solo l&apos;ufficio che ha aperto la pratica condivisa {value} può inviarla di nuovo o chiuderla.</translation>
    </message>
    <message>
        <source>Shared practice {value} is closed.</source>
        <translation>La pratica condivisa {value} è chiusa.</translation>
    </message>
    <message>
        <source>Unknown reception centre: “{value}”.</source>
        <translation>Centro di accoglienza sconosciuto: “{value}”.</translation>
    </message>
    <message>
        <source>Awareness session {value} not found.</source>
        <translation>Incontro di sensibilizzazione {value} non trovato.</translation>
    </message>
    <message>
        <source>A session cannot be planned for {day} at {time}: that time has already passed.</source>
        <translation>Non si può pianificare un incontro per il {day} alle {time}: quell&apos;ora è già passata.</translation>
    </message>
    <message>
        <source>The session of {day} at {time} has not begun yet: its attendance can be recorded from then.</source>
        <translation>L&apos;incontro del {day} alle {time} non è ancora iniziato: le presenze si registrano da quel momento.</translation>
    </message>
    <message>
        <source>Session {id} is “{status}”: cannot {action}.</source>
        <translation>L&apos;incontro {id} è “{status}”: impossibile {action}.</translation>
    </message>
    <message>
        <source>{referrals} referrals for {attendees} people present: there cannot be more referrals than people.</source>
        <translation>{referrals} segnalazioni per {attendees} presenti: le segnalazioni non possono superare le persone presenti.</translation>
    </message>
    <message>
        <source>Audit log tampered with at row {id}: {reason}</source>
        <translation>Registro di audit alterato alla riga {id}: {reason}</translation>
    </message>
    <message>
        <source>Audit log tampered with at row {id}: the row was changed after it was written.</source>
        <translation>Registro di audit alterato alla riga {id}: la riga è stata modificata dopo essere stata scritta.</translation>
    </message>
    <message>
        <source>Audit log tampered with at row {id}: the row before it was deleted or changed.</source>
        <translation>Registro di audit alterato alla riga {id}: la riga precedente è stata cancellata o modificata.</translation>
    </message>
    <message>
        <source>Audit log tampered with at row {id}: a row without the key after the keyed chain began.</source>
        <translation>Registro di audit alterato alla riga {id}: una riga senza chiave dopo l&apos;inizio della catena con chiave.</translation>
    </message>
    <message>
        <source>Audit log truncated: row {id}, the last one this PC wrote or checked, is missing (the log now ends at row {last}).</source>
        <translation>Registro di audit troncato: manca la riga {id}, l&apos;ultima scritta o verificata da questo PC (ora il registro finisce alla riga {last}).</translation>
    </message>
    <message>
        <source>Audit log row {id} is signed with key {key_id}, which this PC does not hold: copy the audit.key of the PC that wrote it into “{folder}”, or the row is forged.</source>
        <translation>La riga {id} del registro di audit è firmata con la chiave {key_id}, che questo PC non ha: copia in «{folder}» il file audit.key del PC che l&apos;ha scritta, altrimenti la riga è falsificata.</translation>
    </message>
    <message>
        <source>The audit checkpoint “{path}” was altered or cannot be read ({reason}).</source>
        <translation>Il punto di controllo del registro di audit «{path}» è stato alterato o non si può leggere ({reason}).</translation>
    </message>
    <message>
        <source>The audit key file “{path}” cannot be read or is not a key ({reason}).</source>
        <translation>Il file della chiave del registro di audit «{path}» non si può leggere o non contiene una chiave ({reason}).</translation>
    </message>
    <message>
        <source>The audit key file “{path}” cannot be created: {reason}</source>
        <translation>Il file della chiave del registro di audit «{path}» non si può creare: {reason}</translation>
    </message>
    <message>
        <source>The HSDS file “{path}” cannot be imported, at {where}: {reason}</source>
        <translation>Il file HSDS «{path}» non si può importare, in {where}: {reason}</translation>
    </message>
    <message>
        <source>The file cannot be read ({reason}).</source>
        <translation>Il file non si può leggere ({reason}).</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>Il file non è testo UTF-8.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (see line:column).</source>
        <translation>Il file non è JSON valido (vedi riga:colonna).</translation>
    </message>
    <message>
        <source>A JSON object was expected here.</source>
        <translation>Qui ci vuole un oggetto JSON.</translation>
    </message>
    <message>
        <source>A JSON list was expected here.</source>
        <translation>Qui ci vuole una lista JSON.</translation>
    </message>
    <message>
        <source>A text was expected here.</source>
        <translation>Qui ci vuole un testo.</translation>
    </message>
    <message>
        <source>“{name}” is not a field of HSDS 3.0.</source>
        <translation>«{name}» non è un campo di HSDS 3.0.</translation>
    </message>
    <message>
        <source>The id “{value}” is not a UUID.</source>
        <translation>L&apos;identificativo «{value}» non è un UUID.</translation>
    </message>
    <message>
        <source>The id “{value}” is used twice (first at {first}).</source>
        <translation>L&apos;identificativo «{value}» è usato due volte (la prima in {first}).</translation>
    </message>
    <message>
        <source>“{value}” should be the id of the object it belongs to ({expected}).</source>
        <translation>«{value}» dovrebbe essere l&apos;identificativo dell&apos;oggetto a cui appartiene ({expected}).</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (format YYYY-MM-DDTHH:MM:SSZ).</source>
        <translation>«{value}» non è una data con ora (formato AAAA-MM-GGTHH:MM:SSZ).</translation>
    </message>
    <message>
        <source>The closing time {closes} is not after the opening time {opens}.</source>
        <translation>L&apos;orario di chiusura {closes} non viene dopo quello di apertura {opens}.</translation>
    </message>
    <message>
        <source>“{value}” is not an ISO 639-1 language code (two letters, such as ar).</source>
        <translation>«{value}» non è un codice di lingua ISO 639-1 (due lettere, per esempio ar).</translation>
    </message>
    <message>
        <source>The folder “{path}” already holds other files: the site is written only into an empty folder or over a site built before.</source>
        <translation>La cartella «{path}» contiene già altri file: il sito si scrive solo in una cartella vuota o sopra un sito generato prima.</translation>
    </message>
    <message>
        <source>The file “{path}” is not an Excel workbook (.xlsx).</source>
        <translation>Il file «{path}» non è una cartella di lavoro Excel (.xlsx).</translation>
    </message>
    <message>
        <source>The spreadsheet “{path}” was not imported ({count} problem(s), nothing stored). {first}</source>
        <translation>Il foglio di calcolo «{path}» non è stato importato (problemi trovati: {count}; nulla salvato). {first}</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, row {row}, column “{column}”: {reason}</source>
        <translation>Foglio «{sheet}», riga {row}, colonna «{column}»: {reason}</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” is missing: start from the template (desk-admin directory template FILE).</source>
        <translation>Manca il foglio «{sheet}»: partite dal modello (desk-admin directory template FILE).</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: the column “{column}” is missing (do not rename the template&apos;s headers).</source>
        <translation>Foglio «{sheet}»: manca la colonna «{column}» (non rinominate le intestazioni del modello).</translation>
    </message>
    <message>
        <source>“{value}” is not written in the sheet “{sheet}”.</source>
        <translation>«{value}» non è scritto nel foglio «{sheet}».</translation>
    </message>
    <message>
        <source>“{value}” is written twice in this column (first in row {first}).</source>
        <translation>«{value}» è scritto due volte in questa colonna (la prima alla riga {first}).</translation>
    </message>
    <message>
        <source>The entry “{name}” cannot be imported (nothing was stored): {reason}</source>
        <translation>La voce «{name}» non si può importare (non è stato salvato nulla): {reason}</translation>
    </message>
</context>
<context>
    <name>DeskField</name>
    <message>
        <source>Name and surname</source>
        <extracomment>Field code -&gt; the field&apos;s name as the clerk reads it on screen (a sentence never shows &quot;person_name&quot;).</extracomment>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>Practice number</source>
        <translation>Numero di pratica</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servizi</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizzazione</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Ricerca</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Lingue</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modalità</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>Ticket letter</source>
        <translation>Lettera del biglietto</translation>
    </message>
    <message>
        <source>Target wait (minutes)</source>
        <translation>Attesa obiettivo (minuti)</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ufficio</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Biglietto</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Rilasciato da</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Keep for (days)</source>
        <translation>Conservare per (giorni)</translation>
    </message>
    <message>
        <source>Service level (%)</source>
        <translation>Livello di servizio (%)</translation>
    </message>
    <message>
        <source>Board title</source>
        <translation>Titolo del tabellone</translation>
    </message>
    <message>
        <source>Board notice</source>
        <translation>Avviso sul tabellone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Orari di apertura</translation>
    </message>
    <message>
        <source>Re-confirm directory entries after (days)</source>
        <translation>Riconferma delle schede dopo (giorni)</translation>
    </message>
    <message>
        <source>Public services site</source>
        <translation>Sito pubblico dei servizi</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>Id oggetto</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Who can use it</source>
        <translation>A chi si rivolge</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>How to access it</source>
        <translation>Come accedere</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Comune</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Recapito</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimento</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>Days waiting at least</source>
        <translation>Giorni di attesa almeno</translation>
    </message>
    <message>
        <source>Shared practice</source>
        <translation>Pratica condivisa</translation>
    </message>
    <message>
        <source>Counter case</source>
        <translation>Pratica di sportello</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Quanti</translation>
    </message>
    <message>
        <source>Reception centre</source>
        <translation>Centro di accoglienza</translation>
    </message>
    <message>
        <source>Managing body</source>
        <translation>Ente gestore</translation>
    </message>
    <message>
        <source>Anti-trafficking organisation</source>
        <translation>Ente antitratta</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Durata (minuti)</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>Persone presenti</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Segnalazioni</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Fascia d&apos;età</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sesso</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Language group</source>
        <translation>Gruppo linguistico</translation>
    </message>
    <message>
        <source>Ticket line</source>
        <translation>Riga del biglietto</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediatore</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sito web</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Obbligo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>Gratuito</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilità</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Biglietti</translation>
    </message>
    <message>
        <source>Convocation</source>
        <translation>Convocazione</translation>
    </message>
</context>
<context>
    <name>DirectoryMenu</name>
    <message>
        <source>Ser&amp;vices</source>
        <extracomment>The key of the directory search at the counter.</extracomment>
        <translation>Ser&amp;vizi</translation>
    </message>
    <message>
        <source>&amp;Search the services of the territory…</source>
        <translation>&amp;Cerca i servizi del territorio…</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <source>draft</source>
        <extracomment>The row&apos;s :class:`DirectoryService` (for views and tests).</extracomment>
        <translation>bozza</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>inviato per la revisione</translation>
    </message>
    <message>
        <source>published</source>
        <translation>pubblicato</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ritirato</translation>
    </message>
</context>
<context>
    <name>DirectoryReview</name>
    <message>
        <source>To be confirmed again by the organisation</source>
        <translation>Da far confermare di nuovo all&apos;ente</translation>
    </message>
    <message>
        <source>Every entry</source>
        <translation>Tutte le schede</translation>
    </message>
    <message>
        <source>To review: submitted entries and revisions</source>
        <translation>Da esaminare: schede inviate e revisioni</translation>
    </message>
    <message>
        <source>reason for withdrawing or rejecting (kept in the audit log)</source>
        <translation>motivo del ritiro o del rifiuto (resta nel registro delle attività)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Pubblica</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Ritira</translation>
    </message>
    <message>
        <source>&amp;Reject revision</source>
        <translation>&amp;Rifiuta revisione</translation>
    </message>
    <message>
        <source>Publish the entry</source>
        <translation>Pubblica la scheda</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostra:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Who may go</source>
        <translation>Chi può accedere</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>How to access</source>
        <translation>Come accedere</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>Documenti da portare</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>Lingue parlate</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>Gratuito</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>Places and opening hours</source>
        <translation>Sedi e orari di apertura</translation>
    </message>
    <message>
        <source>Revision by %1 (%2), awaiting review. Changes against the published entry:</source>
        <translation>Revisione di %1 (%2), in attesa di esame. Modifiche rispetto alla scheda pubblicata:</translation>
    </message>
    <message>
        <source>published:</source>
        <translation>pubblicato:</translation>
    </message>
    <message>
        <source>revised:</source>
        <translation>rivisto:</translation>
    </message>
    <message>
        <source>No field differs from the published entry.</source>
        <translation>Nessun campo è diverso dalla scheda pubblicata.</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>«%1» ora è %2.</translation>
    </message>
</context>
<context>
    <name>DirectorySearchDialog</name>
    <message>
        <source>Services of the territory</source>
        <extracomment>Result columns that fit their text up to this share of the table&apos;s width (the service takes the rest).</extracomment>
        <translation>Servizi del territorio</translation>
    </message>
    <message>
        <source>What does the person need? e.g. italiano, casa, medico</source>
        <translation>Di che cosa ha bisogno la persona? Per es. italiano, casa, medico</translation>
    </message>
    <message>
        <source>every category</source>
        <translation>ogni categoria</translation>
    </message>
    <message>
        <source>town, postcode or province</source>
        <translation>comune, CAP o provincia</translation>
    </message>
    <message>
        <source>any language</source>
        <translation>qualsiasi lingua</translation>
    </message>
    <message>
        <source>&amp;Need:</source>
        <translation>&amp;Bisogno:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoria:</translation>
    </message>
    <message>
        <source>Place (&amp;o):</source>
        <translation>Lu&amp;ogo:</translation>
    </message>
    <message>
        <source>Lan&amp;guage spoken:</source>
        <translation>Lingua &amp;parlata:</translation>
    </message>
    <message>
        <source>&amp;Bilingual (with Italian)</source>
        <translation>B&amp;ilingue (con l&apos;italiano)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>S&amp;tampa</translation>
    </message>
    <message>
        <source>&amp;Save PDF</source>
        <translation>&amp;Salva PDF</translation>
    </message>
    <message>
        <source>Sheet &amp;language:</source>
        <translation>&amp;Lingua del foglio:</translation>
    </message>
    <message>
        <source>Print the referral sheet</source>
        <translation>Stampa il foglio di invio</translation>
    </message>
    <message>
        <source>Save the referral sheet as PDF</source>
        <translation>Salva il foglio di invio in PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n servizio trovato</numerusform>
            <numerusform>%n servizi trovati</numerusform>
        </translation>
    </message>
    <message>
        <source>Translation into %1: %2</source>
        <translation>Traduzione in %1: %2</translation>
    </message>
    <message>
        <source>Referral not recorded</source>
        <translation>Invio non registrato</translation>
    </message>
    <message>
        <source>Sheet handed out; the referral is counted (no name is kept).</source>
        <translation>Foglio consegnato; l&apos;invio è contato (senza conservare nomi).</translation>
    </message>
</context>
<context>
    <name>DirectoryServicesModel</name>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>Confermato il</translation>
    </message>
    <message>
        <source>revision pending</source>
        <translation>revisione in attesa</translation>
    </message>
    <message>
        <source>To be confirmed again by the organisation</source>
        <translation>Da far confermare di nuovo all&apos;ente</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>One row per service and one per desk: each line is checked as it is typed, and a problem is said with its line number.</source>
        <translation>Una riga per servizio e una per sportello: ogni riga è controllata mentre si scrive, e un problema è indicato con il numero di riga.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <extracomment>The rows the wizard starts with (the Lodi office of the project); the person changes them in the tables.</extracomment>
        <translation>Le due password sono diverse.</translation>
    </message>
    <message>
        <source>Sportello: first start</source>
        <translation>Sportello: primo avvio</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Benvenuto</translation>
    </message>
    <message>
        <source>The database is empty. Set up this office, or load the demo office to try the application.</source>
        <translation>Il database è vuoto. Configurare questo ufficio oppure caricare l&apos;ufficio dimostrativo per provare l&apos;applicazione.</translation>
    </message>
    <message>
        <source>Set up a &amp;new office</source>
        <translation>Configurare un &amp;nuovo ufficio</translation>
    </message>
    <message>
        <source>Load the &amp;demo office (Prefettura di Lodi, sample staff and tickets)</source>
        <translation>Caricare l&apos;ufficio &amp;dimostrativo (Prefettura di Lodi, personale e biglietti di esempio)</translation>
    </message>
    <message>
        <source>Office, services and desks</source>
        <translation>Ufficio, servizi e sportelli</translation>
    </message>
    <message>
        <source>Office &amp;code</source>
        <translation>&amp;Codice ufficio</translation>
    </message>
    <message>
        <source>Office &amp;name</source>
        <translation>&amp;Nome ufficio</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Indirizzo</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>Ser&amp;vizi</translation>
    </message>
    <message>
        <source>&amp;Desks</source>
        <translation>Spor&amp;telli</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>Primo amministratore</translation>
    </message>
    <message>
        <source>This account manages staff, desks and the database. Counter clerks get their own accounts later.</source>
        <translation>Questo account gestisce personale, sportelli e database. Gli operatori di sportello riceveranno in seguito un proprio account.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nome &amp;utente</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nome e co&amp;gnome</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Ripetere la password</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Ordinary</source>
        <translation>Ordinaria</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appuntamento</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>Anziani</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Gravidanza</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disabilità</translation>
    </message>
    <message>
        <source>no language given</source>
        <extracomment>Why the mediator gate holds a waiting ticket back (:class:`~desk_app.core.mediators.WaitingForMediator`).</extracomment>
        <translation>nessuna lingua indicata</translation>
    </message>
    <message>
        <source>no mediator booked</source>
        <translation>nessun mediatore prenotato</translation>
    </message>
    <message>
        <source>mediator booked for later</source>
        <translation>mediatore prenotato per più tardi</translation>
    </message>
    <message>
        <source>mediator not here yet</source>
        <translation>mediatore non ancora arrivato</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluso</translation>
    </message>
    <message>
        <source>Documents missing</source>
        <translation>Documenti mancanti</translation>
    </message>
    <message>
        <source>Redirected to another office</source>
        <translation>Indirizzato a un altro ufficio</translation>
    </message>
    <message>
        <source>Not our competence</source>
        <translation>Non di competenza</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglese</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francese</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spagnolo</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>Romeno</translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation>Albanese</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ucraino</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabo</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>Urdu</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>Bengalese</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>Punjabi</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Cinese</translation>
    </message>
    <message>
        <source>Complete: every document presented</source>
        <extracomment>How a counter case&apos;s visit ended (the core&apos;s ``CASE_OUTCOMES``).</extracomment>
        <translation>Completa: tutti i documenti presentati</translation>
    </message>
    <message>
        <source>Incomplete: documents missing</source>
        <translation>Incompleta: mancano documenti</translation>
    </message>
    <message>
        <source>Withdrawn by the user</source>
        <translation>Ritirata dall&apos;utente</translation>
    </message>
    <message>
        <source>To check</source>
        <extracomment>What the clerk recorded for a checklist item (the core&apos;s ``ITEM_STATES``).</extracomment>
        <translation>Da controllare</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Presentato</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mancante</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Non pertinente</translation>
    </message>
    <message>
        <source>Required</source>
        <extracomment>Whether a checklist item is always needed (the core&apos;s ``REQUIREMENTS``); conditional items add their condition.</extracomment>
        <translation>Obbligatorio</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facoltativo</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>Condizionale</translation>
    </message>
    <message>
        <source>reviewed by a translator</source>
        <extracomment>Translation status of a user sheet, as the clerk must see it before printing.</extracomment>
        <translation>rivista da un traduttore</translation>
    </message>
    <message>
        <source>draft, not yet reviewed by a translator</source>
        <translation>bozza, non ancora rivista da un traduttore</translation>
    </message>
    <message>
        <source>out of date (the Italian changed): those lines print in Italian</source>
        <translation>non aggiornata (l&apos;italiano è cambiato): quelle righe si stampano in italiano</translation>
    </message>
    <message>
        <source>missing: those lines print in Italian</source>
        <translation>mancante: quelle righe si stampano in italiano</translation>
    </message>
    <message>
        <source>In person</source>
        <extracomment>Role returning the whole row object (:class:`SlotView`, :class:`AppointmentView` or :class:`AgendaEntry`). How a mediator takes part (the core&apos;s ``MEDIATOR_MODES``).</extracomment>
        <translation>In presenza</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>on time</source>
        <extracomment>How an appointment arrived at check-in (the core&apos;s arrival codes).</extracomment>
        <translation>in orario</translation>
    </message>
    <message>
        <source>early</source>
        <translation>in anticipo</translation>
    </message>
    <message>
        <source>late</source>
        <translation>in ritardo</translation>
    </message>
    <message>
        <source>booked</source>
        <extracomment>The longest override reason the core takes (:meth:`MediatorService.override`).</extracomment>
        <translation>prenotato</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confermato</translation>
    </message>
</context>
<context>
    <name>Legalisation</name>
    <message>
        <source>Italian public document</source>
        <extracomment>The catalogue procedure whose checklist the helper hands out. Condition of the LEG checklist line that applies only to foreign consulates&apos; documents used in Italy. Codes and names that mean Italy itself: nothing to legalise for use in Italy.</extracomment>
        <translation>Documento pubblico italiano</translation>
    </message>
    <message>
        <source>, issued by: {issuer}</source>
        <translation>, rilasciato da: {issuer}</translation>
    </message>
    <message>
        <source>Legalisation by the Prefettura, for use in Italy.</source>
        <translation>Legalizzazione in Prefettura per l&apos;uso in Italia.</translation>
    </message>
    <message>
        <source>No formality needed: {basis}.</source>
        <translation>Nessuna formalità: {basis}.</translation>
    </message>
    <message>
        <source>Apostille (Hague Convention of 5/10/1961).</source>
        <translation>Apostille (Convenzione dell&apos;Aia del 5/10/1961).</translation>
    </message>
    <message>
        <source>In force between Italy and {country} since {day}.</source>
        <translation>In vigore tra l&apos;Italia e {country} dal {day}.</translation>
    </message>
    <message>
        <source>Legalisation, then legalisation by the consulate of {country} in Italy.</source>
        <translation>Legalizzazione, poi legalizzazione al consolato di {country} in Italia.</translation>
    </message>
    <message>
        <source>Where: {office}</source>
        <translation>Dove: {office}</translation>
    </message>
    <message>
        <source>No formality for: {documents}.</source>
        <translation>Nessuna formalità per: {documents}.</translation>
    </message>
    <message>
        <source>Have it authenticated by a notary or public official first.</source>
        <translation>Prima farla autenticare da un notaio o da un pubblico ufficiale.</translation>
    </message>
    <message>
        <source>* TO VERIFY: {point}</source>
        <extracomment>a point the office has not confirmed yet</extracomment>
        <translation>* DA VERIFICARE: {point}</translation>
    </message>
    <message>
        <source>Decided by: {basis}</source>
        <extracomment>which rule decided the answer (a treaty, the EU regulation, the Hague Convention, consular legalisation)</extracomment>
        <translation>Regola applicata: {basis}</translation>
    </message>
    <message>
        <source>Source: {source}; checked on {day}</source>
        <translation>Fonte: {source}; verificato il {day}</translation>
    </message>
    <message>
        <source>required</source>
        <extracomment>How a document of the legalisation checklist is needed.</extracomment>
        <translation>obbligatorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>conditional</source>
        <extracomment>the document is needed only in some cases</extracomment>
        <translation>se pertinente</translation>
    </message>
</context>
<context>
    <name>LegalisationView</name>
    <message>
        <source>EU country: nothing for the documents of Regulation (EU) 2016/1191 (civil status, residence...), else apostille</source>
        <extracomment>What each status of the table means for a document going there.</extracomment>
        <translation>Paese UE: nessuna formalità per i documenti del Regolamento (UE) 2016/1191 (stato civile, residenza...), altrimenti apostille</translation>
    </message>
    <message>
        <source>Hague Convention party: apostille (unless a treaty exempts)</source>
        <translation>Parte della Convenzione dell&apos;Aia: apostille (salvo esenzione per trattato)</translation>
    </message>
    <message>
        <source>Not a Hague party: full legalisation (Prefettura, then consulate)</source>
        <translation>Non parte della Convenzione dell&apos;Aia: legalizzazione completa (Prefettura, poi consolato)</translation>
    </message>
    <message>
        <source>Not confirmed: full legalisation (the path that needs no accession), to verify</source>
        <translation>Non confermato: legalizzazione completa (la via che non richiede l&apos;adesione), da verificare</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Formalità richiesta</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Verificata il</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>Da verificare</translation>
    </message>
    <message>
        <source>Shipped with the program (read-only here): each answer of the legalisation helper comes from this table. Rows marked ⚠ are still to verify: check them before relying on them.</source>
        <translation>Fornita con il programma (qui in sola lettura): ogni risposta dell&apos;assistente per le legalizzazioni viene da questa tabella. Le righe segnate ⚠ sono ancora da verificare: le controlli prima di farvi affidamento.</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>dal %1</translation>
    </message>
    <message numerus="yes">
        <source>%n country(ies), %1 to verify</source>
        <translation>
            <numerusform>%n paese, %1 da verificare</numerusform>
            <numerusform>%n paesi, %1 da verificare</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sportello</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Connessione al database…</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nome &amp;utente</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Accedi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database is not answering. Counter actions are disabled; the application reconnects by itself.</source>
        <translation>Il database non risponde. Le azioni di sportello sono disattivate; l&apos;applicazione si ricollega da sola.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Set up the office…</source>
        <translation>&amp;Configura l&apos;ufficio…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Blocca schermo</translation>
    </message>
    <message>
        <source>Screen locked: log in again.</source>
        <translation>Schermo bloccato: accedere di nuovo.</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Esci dall&apos;account</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Uscita eseguita.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Es&amp;ci</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>&amp;Sportello</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>&amp;Biglietti</translation>
    </message>
    <message>
        <source>&amp;Reprint last ticket</source>
        <translation>&amp;Ristampa ultimo biglietto</translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation>&amp;Appuntamenti</translation>
    </message>
    <message>
        <source>Appointments of the &amp;day</source>
        <translation>Appuntamenti del &amp;giorno</translation>
    </message>
    <message>
        <source>&amp;Book an appointment…</source>
        <translation>&amp;Prenota un appuntamento…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Display board</source>
        <translation>&amp;Tabellone</translation>
    </message>
    <message>
        <source>Display board &amp;screen</source>
        <translation>&amp;Schermo del tabellone</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>I&amp;mpostazioni</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>This PC&apos;s &amp;desk…</source>
        <translation>Sportello di &amp;questo PC…</translation>
    </message>
    <message>
        <source>Ticket &amp;printer…</source>
        <translation>S&amp;tampante dei biglietti…</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Nessun accesso</translation>
    </message>
    <message>
        <source>%1 at %3</source>
        <translation>%1 a %3</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) a %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The demo office has staff accounts operatore1 … operatore6, responsabile, admin and the mediators mediatrice1 and mediatore2, all with the password %1.</source>
        <translation>L&apos;ufficio dimostrativo ha gli account operatore1 … operatore6, responsabile, admin e i mediatori mediatrice1 e mediatore2, tutti con la password %1.</translation>
    </message>
    <message>
        <source>First start: set up the office (File &gt; Set up the office…).</source>
        <translation>Primo avvio: configurare l&apos;ufficio (File &gt; Configura l&apos;ufficio…).</translation>
    </message>
    <message>
        <source>Set-up not saved</source>
        <translation>Configurazione non salvata</translation>
    </message>
    <message>
        <source>Saving the set-up…</source>
        <translation>Salvataggio della configurazione…</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>&amp;Purge expired personal data…</source>
        <extracomment>How often a running desk retries the daily jobs (the first desk of the day does them; the rest find them done).</extracomment>
        <translation>&amp;Cancella i dati personali scaduti…</translation>
    </message>
    <message>
        <source>Retention purge</source>
        <translation>Cancellazione dei dati scaduti</translation>
    </message>
    <message>
        <source>Appointments: %1 (convocations among them: %2)</source>
        <translation>Appuntamenti: %1 (di cui convocazioni: %2)</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>Pratiche: %1</translation>
    </message>
    <message>
        <source>Ticket notes: %1</source>
        <translation>Note dei biglietti: %1</translation>
    </message>
    <message>
        <source>Mediator bookings: %1</source>
        <translation>Prenotazioni dei mediatori: %1</translation>
    </message>
    <message>
        <source>Backup copies: %1</source>
        <translation>Copie di backup: %1</translation>
    </message>
    <message>
        <source>Backup copies cleaned: %1</source>
        <translation>Copie di backup ripulite: %1</translation>
    </message>
    <message>
        <source>Personal data older than %1 days (before %2) will be removed; the counts are kept.</source>
        <translation>I dati personali più vecchi di %1 giorni (prima del %2) saranno cancellati; i conteggi restano.</translation>
    </message>
    <message>
        <source>Nothing to remove.</source>
        <translation>Niente da cancellare.</translation>
    </message>
    <message>
        <source>Remove it now?</source>
        <translation>Cancellarli ora?</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Cancellati:</translation>
    </message>
</context>
<context>
    <name>MediatorAgenda</name>
    <message>
        <source>My mediation bookings — %1</source>
        <translation>Le mie mediazioni — %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Settimana</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n prenotazione</numerusform>
            <numerusform>%n prenotazioni</numerusform>
        </translation>
    </message>
    <message>
        <source>Booking confirmed.</source>
        <translation>Prenotazione confermata.</translation>
    </message>
    <message>
        <source>Booking declined: the desk that booked it has been told.</source>
        <translation>Prenotazione rifiutata: lo sportello che l&apos;ha fatta è stato avvisato.</translation>
    </message>
    <message>
        <source>Export my bookings</source>
        <translation>Esporta le mie prenotazioni</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>File iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Impossibile scrivere il file: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) saved to %1</source>
        <translation>
            <numerusform>%n prenotazione salvata in %1</numerusform>
            <numerusform>%n prenotazioni salvate in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>My mediation bookings</source>
        <translation>Le mie mediazioni</translation>
    </message>
    <message>
        <source>Only time, language, mode and desk are shown: the user&apos;s name and case stay with the office.</source>
        <translation>Si vedono solo orario, lingua, modalità e sportello: nome e pratica dell&apos;utente restano all&apos;ufficio.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Precedente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Successivo</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Oggi</translation>
    </message>
    <message>
        <source>&amp;Export to calendar (.ics)…</source>
        <translation>&amp;Esporta nel calendario (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Conferma</translation>
    </message>
    <message>
        <source>Reason for declining (the desk that booked is told)</source>
        <translation>Motivo del rifiuto (lo sportello che ha prenotato viene avvisato)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Rifiuta</translation>
    </message>
</context>
<context>
    <name>MediatorEditor</name>
    <message>
        <source>&amp;Add the mediator</source>
        <translation>&amp;Aggiungi il mediatore</translation>
    </message>
    <message>
        <source>New mediator</source>
        <translation>Nuovo mediatore</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Languages and levels (1-4)</source>
        <translation>Lingue e livelli (1-4)</translation>
    </message>
    <message>
        <source>Set the &amp;availability</source>
        <translation>Imposta la &amp;disponibilità</translation>
    </message>
    <message>
        <source>Add an a&amp;bsence</source>
        <translation>Aggiungi un&apos;a&amp;ssenza</translation>
    </message>
    <message>
        <source>Save the &amp;languages</source>
        <translation>Salva le &amp;lingue</translation>
    </message>
    <message>
        <source>Selected mediator</source>
        <translation>Mediatore selezionato</translation>
    </message>
    <message>
        <source>Weekly (%1)</source>
        <translation>Settimanale (%1)</translation>
    </message>
    <message>
        <source>Absent on</source>
        <translation>Assente il</translation>
    </message>
    <message>
        <source>Read only: your role may not change the mediator roster.</source>
        <translation>Sola lettura: il suo ruolo non può modificare l&apos;elenco dei mediatori.</translation>
    </message>
    <message>
        <source>Mediator %1 added.</source>
        <translation>Mediatore %1 aggiunto.</translation>
    </message>
    <message>
        <source>Availability of %1 saved.</source>
        <translation>Disponibilità di %1 salvata.</translation>
    </message>
    <message>
        <source>Languages of %1 saved.</source>
        <translation>Lingue di %1 salvate.</translation>
    </message>
    <message>
        <source>%1 absent on %2.</source>
        <translation>%1 assente il %2.</translation>
    </message>
</context>
<context>
    <name>MediatorModel</name>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Languages (level)</source>
        <translation>Lingue (livello)</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilità</translation>
    </message>
</context>
<context>
    <name>MeetingDecisionsWindow</name>
    <message>
        <source>Coordination meeting decisions</source>
        <extracomment>The list&apos;s choices of &quot;waiting at least&quot; (working days), as the meeting-list document offers. The decisions in the order offered; &quot;noted&quot; (discussed, nothing to do) first, the default. Columns of the decisions table.</extracomment>
        <translation>Decisioni della riunione di coordinamento</translation>
    </message>
    <message>
        <source>noted, nothing to do</source>
        <translation>presa visione, nulla da fare</translation>
    </message>
    <message>
        <source>remind the other office</source>
        <translation>sollecitare l&apos;altro ufficio</translation>
    </message>
    <message>
        <source>new due date</source>
        <translation>nuova scadenza</translation>
    </message>
    <message>
        <source>ask for documents</source>
        <translation>chiedere documenti</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>portare al livello superiore</translation>
    </message>
    <message>
        <source>close</source>
        <translation>chiudere</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n giorno lavorativo</numerusform>
            <numerusform>%n giorni lavorativi</numerusform>
        </translation>
    </message>
    <message>
        <source>Practices waiting &amp;at least:</source>
        <translation>Pratiche in attesa &amp;da almeno:</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimento</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>In attesa di</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Giorni lavorativi</translation>
    </message>
    <message>
        <source>Last decision</source>
        <translation>Ultima decisione</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Nuova scadenza</translation>
    </message>
    <message>
        <source>Meeting &amp;note:</source>
        <translation>&amp;Nota della riunione:</translation>
    </message>
    <message>
        <source>&amp;Record decisions</source>
        <translation>&amp;Registra le decisioni</translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message numerus="yes">
        <source>%n practice(s)</source>
        <translation>
            <numerusform>%n pratica</numerusform>
            <numerusform>%n pratiche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Meeting recorded: %n decision(s).</source>
        <translation>
            <numerusform>Riunione registrata: %n decisione.</numerusform>
            <numerusform>Riunione registrata: %n decisioni.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <source>in person</source>
        <extracomment>How a mediator takes part (the core&apos;s ``MEDIATOR_MODES``), as refusals name it: the GUI&apos;s mode labels.</extracomment>
        <translation>in presenza</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>per telefono</translation>
    </message>
    <message>
        <source>by video</source>
        <translation>in video</translation>
    </message>
</context>
<context>
    <name>OfficeEditor</name>
    <message>
        <source>A ticket letter printed today stays with its service until tomorrow: numbers are letter and sequence of the day. The desk name is what the board shows.</source>
        <translation>Una lettera di biglietto stampata oggi resta al suo servizio fino a domani: i numeri sono lettera e progressivo del giorno. Il nome dello sportello è quello mostrato sul tabellone.</translation>
    </message>
    <message>
        <source>Read only: your role may not change services and desks.</source>
        <translation>Sola lettura: il suo ruolo non può modificare servizi e sportelli.</translation>
    </message>
    <message>
        <source>&amp;Save services and desks</source>
        <translation>&amp;Salva servizi e sportelli</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servizi</translation>
    </message>
    <message>
        <source>Desks</source>
        <translation>Sportelli</translation>
    </message>
    <message>
        <source>Take the selected service out of use</source>
        <translation>Metti fuori uso il servizio selezionato</translation>
    </message>
    <message>
        <source>Take the selected desk out of use</source>
        <translation>Metti fuori uso lo sportello selezionato</translation>
    </message>
    <message>
        <source>Take %1 out of use</source>
        <translation>Metti fuori uso %1</translation>
    </message>
    <message>
        <source>Put %1 back in use</source>
        <translation>Rimetti in uso %1</translation>
    </message>
    <message>
        <source>Out of use</source>
        <translation>Fuori uso</translation>
    </message>
    <message>
        <source>%1 is out of use.</source>
        <translation>%1 è fuori uso.</translation>
    </message>
    <message>
        <source>%1 is back in use.</source>
        <translation>%1 è di nuovo in uso.</translation>
    </message>
    <message>
        <source>Letter %1 was printed today by %2: %3 cannot take it before tomorrow.</source>
        <translation>La lettera %1 è stata stampata oggi da %2: %3 non può prenderla prima di domani.</translation>
    </message>
    <message>
        <source>Ticket letters</source>
        <translation>Lettere dei biglietti</translation>
    </message>
    <message>
        <source>The office will refuse this change today. Try to save anyway?</source>
        <translation>L&apos;ufficio rifiuterà questa modifica oggi. Salvare comunque?</translation>
    </message>
    <message>
        <source>Saved: %1 services, %2 desks.</source>
        <translation>Salvato: %1 servizi, %2 sportelli.</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsEditor</name>
    <message>
        <source>Keep personal data for (days)</source>
        <extracomment>The labels of the fields, in the staff language.</extracomment>
        <translation>Conserva i dati personali per (giorni)</translation>
    </message>
    <message>
        <source>Lock the screen after (minutes idle)</source>
        <translation>Blocca lo schermo dopo (minuti di inattività)</translation>
    </message>
    <message>
        <source>Service level: tickets called within target (%)</source>
        <translation>Livello di servizio: biglietti chiamati entro l&apos;obiettivo (%)</translation>
    </message>
    <message>
        <source>Board title</source>
        <translation>Titolo del tabellone</translation>
    </message>
    <message>
        <source>Board notice</source>
        <translation>Avviso sul tabellone</translation>
    </message>
    <message>
        <source>Office address (sheets)</source>
        <translation>Indirizzo dell&apos;ufficio (schede)</translation>
    </message>
    <message>
        <source>Opening hours (sheets)</source>
        <translation>Orari di apertura (schede)</translation>
    </message>
    <message>
        <source>Directory entries to re-confirm after (days)</source>
        <translation>Schede del territorio da riconfermare dopo (giorni)</translation>
    </message>
    <message>
        <source>Public services site (QR on referral sheets)</source>
        <translation>Sito pubblico dei servizi (QR sui fogli di invio)</translation>
    </message>
    <message>
        <source>Read only: your role may not change the office&apos;s settings.</source>
        <translation>Sola lettura: il suo ruolo non può modificare le impostazioni dell&apos;ufficio.</translation>
    </message>
    <message>
        <source>The retention period and the idle lock are changed by an administrator.</source>
        <translation>Il periodo di conservazione e il blocco per inattività li modifica un amministratore.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Ricarica</translation>
    </message>
    <message>
        <source>Saved: every desk of the office uses the new settings now.</source>
        <translation>Salvato: ogni sportello dell&apos;ufficio usa ora le nuove impostazioni.</translation>
    </message>
</context>
<context>
    <name>PartnerPage</name>
    <message>
        <source>Describe your services in Italian: the project&apos;s translators translate them, the office reviews and publishes them. Every change is checked by the office again.</source>
        <extracomment>Italian words of the contact lines (the partner writes Italian), and back.</extracomment>
        <translation>Descrivete i vostri servizi in italiano: i traduttori del progetto li traducono, l&apos;ufficio li rivede e li pubblica. Ogni modifica viene ricontrollata dall&apos;ufficio.</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>non indicato</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>gratuito</translation>
    </message>
    <message>
        <source>not free (say the cost)</source>
        <translation>a pagamento (indicate il costo)</translation>
    </message>
    <message>
        <source>one document per line</source>
        <translation>un documento per riga</translation>
    </message>
    <message>
        <source>codes, e.g. it, en, ar, fr</source>
        <translation>codici, per es. it, en, ar, fr</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <source>&amp;Who may go:</source>
        <translation>Chi può &amp;rivolgersi:</translation>
    </message>
    <message>
        <source>How to &amp;access:</source>
        <translation>Come &amp;accedere:</translation>
    </message>
    <message>
        <source>Cos&amp;t:</source>
        <translation>Cos&amp;to:</translation>
    </message>
    <message>
        <source>Documents to &amp;bring:</source>
        <translation>Documenti da &amp;portare:</translation>
    </message>
    <message>
        <source>Na&amp;me of the service:</source>
        <translation>No&amp;me del servizio:</translation>
    </message>
    <message>
        <source>Categor&amp;ies:</source>
        <translation>Cate&amp;gorie:</translation>
    </message>
    <message>
        <source>&amp;Languages spoken:</source>
        <translation>&amp;Lingue parlate:</translation>
    </message>
    <message>
        <source>C&amp;ontacts:</source>
        <translation>C&amp;ontatti:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>S&amp;ede:</translation>
    </message>
    <message>
        <source>Opening &amp;hours:</source>
        <translation>Orar&amp;i di apertura:</translation>
    </message>
    <message>
        <source>&amp;New service</source>
        <translation>&amp;Nuovo servizio</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>Submit for &amp;review</source>
        <translation>Invia per la re&amp;visione</translation>
    </message>
    <message>
        <source>&amp;Confirm still right</source>
        <translation>&amp;Conferma che è ancora corretto</translation>
    </message>
    <message>
        <source>Services of %1</source>
        <translation>Servizi di %1</translation>
    </message>
    <message>
        <source>A new service: saved as a draft of your organisation.</source>
        <translation>Un nuovo servizio: salvato come bozza del vostro ente.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>State: %1 · last confirmed: %2</source>
        <translation>Stato: %1 · ultima conferma: %2</translation>
    </message>
    <message>
        <source>revision pending: the office reviews your changes; until it publishes them the counter shows the published text</source>
        <translation>revisione in attesa: l&apos;ufficio esamina le modifiche; finché non le pubblica lo sportello mostra il testo pubblicato</translation>
    </message>
    <message>
        <source>the office asks you to confirm it is still right</source>
        <translation>l&apos;ufficio vi chiede di confermare che è ancora corretto</translation>
    </message>
    <message>
        <source>Saved as a revision awaiting the office&apos;s review: the published entry stays as it is until the office publishes it.</source>
        <translation>Salvato come revisione in attesa di esame dell&apos;ufficio: la scheda pubblicata resta com&apos;è finché l&apos;ufficio non la pubblica.</translation>
    </message>
    <message>
        <source>Saved. State: %1.</source>
        <translation>Salvato. Stato: %1.</translation>
    </message>
    <message>
        <source>Sent to the office for review.</source>
        <translation>Inviato all&apos;ufficio per la revisione.</translation>
    </message>
    <message>
        <source>Thank you: the entry is confirmed as still right today.</source>
        <translation>Grazie: la scheda risulta confermata come corretta a oggi.</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>Opinion on a family reunification</source>
        <extracomment>The longest list a coordination meeting can ask for (days waiting at least this many): about ten years. A due date at most this far ahead (a year): further is a typing error, not a plan. Why one office sends a practice to the other, or sends it back. Labels are staff text (context ``Practice``).</extracomment>
        <translation>Parere su ricongiungimento familiare</translation>
    </message>
    <message>
        <source>Opinion on a work clearance</source>
        <translation>Parere su nulla osta al lavoro</translation>
    </message>
    <message>
        <source>Fingerprint appointment</source>
        <translation>Appuntamento per i rilievi fotodattiloscopici</translation>
    </message>
    <message>
        <source>Residence permit (issue or status)</source>
        <translation>Permesso di soggiorno (rilascio o stato)</translation>
    </message>
    <message>
        <source>Integration agreement check</source>
        <translation>Verifica dell&apos;accordo di integrazione</translation>
    </message>
    <message>
        <source>Status of a clearance (nulla osta)</source>
        <translation>Stato di un nulla osta</translation>
    </message>
    <message>
        <source>Permit conversion</source>
        <translation>Conversione del permesso</translation>
    </message>
    <message>
        <source>Other request</source>
        <translation>Altra richiesta</translation>
    </message>
    <message>
        <source>Request incomplete</source>
        <translation>Richiesta incompleta</translation>
    </message>
    <message>
        <source>Documents missing</source>
        <translation>Documenti mancanti</translation>
    </message>
    <message>
        <source>Not our competence</source>
        <translation>Non di nostra competenza</translation>
    </message>
    <message>
        <source>Clarification needed</source>
        <translation>Serve un chiarimento</translation>
    </message>
    <message>
        <source>Prefettura (SUI)</source>
        <extracomment>The two offices as staff read them.</extracomment>
        <translation>Prefettura (SUI)</translation>
    </message>
    <message>
        <source>Questura (Immigration Office)</source>
        <translation>Questura (Ufficio Immigrazione)</translation>
    </message>
</context>
<context>
    <name>PracticeReports</name>
    <message>
        <source>Handling times of shared practices (counts):</source>
        <translation>Tempi di lavorazione delle pratiche condivise (conteggi):</translation>
    </message>
    <message>
        <source>Export handling times</source>
        <translation>Esporta i tempi di lavorazione</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Esportato: %1</translation>
    </message>
</context>
<context>
    <name>PracticeTableModel</name>
    <message>
        <source>Practice</source>
        <extracomment>Item data role of the row&apos;s :class:`PracticeView`.</extracomment>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>In attesa di</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Ultimo invio</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Giorni lav.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Scaduta</translation>
    </message>
    <message>
        <source>sent, awaiting answer</source>
        <translation>inviata, in attesa di risposta</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>risposta ricevuta</translation>
    </message>
    <message>
        <source>sent back</source>
        <translation>restituita</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>chiusa</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>scaduta</translation>
    </message>
</context>
<context>
    <name>PracticesMenu</name>
    <message>
        <source>&amp;Practices</source>
        <extracomment>The key of the shared-practices window. The meeting list&apos;s choices of &quot;waiting at least&quot; (working days).</extracomment>
        <translation>Prati&amp;che</translation>
    </message>
    <message>
        <source>&amp;Shared practices…</source>
        <translation>&amp;Pratiche condivise…</translation>
    </message>
    <message>
        <source>Coordination &amp;meeting list…</source>
        <translation>Elenco per la &amp;riunione di coordinamento…</translation>
    </message>
    <message>
        <source>Record meeting &amp;decisions…</source>
        <translation>Registra le &amp;decisioni della riunione…</translation>
    </message>
    <message>
        <source>&amp;Handling times…</source>
        <translation>&amp;Tempi di lavorazione…</translation>
    </message>
    <message>
        <source>PDF or Excel files (*.pdf *.xlsx)</source>
        <translation>File PDF o Excel (*.pdf *.xlsx)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Scritto: %1</translation>
    </message>
    <message>
        <source>Coordination meeting list</source>
        <translation>Elenco per la riunione di coordinamento</translation>
    </message>
    <message>
        <source>Practices waiting at least:</source>
        <translation>Pratiche in attesa da almeno:</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n giorno lavorativo</numerusform>
            <numerusform>%n giorni lavorativi</numerusform>
        </translation>
    </message>
    <message>
        <source>Handling times of shared practices</source>
        <translation>Tempi di lavorazione delle pratiche condivise</translation>
    </message>
</context>
<context>
    <name>PracticesPage</name>
    <message>
        <source>Practices shared with the Questura</source>
        <translation>Pratiche condivise con la Questura</translation>
    </message>
    <message>
        <source>Practices sent to the Questura&apos;s Immigration Office</source>
        <translation>Pratiche inviate all&apos;Ufficio Immigrazione della Questura</translation>
    </message>
    <message>
        <source>Waiting on my office</source>
        <translation>In attesa del mio ufficio</translation>
    </message>
    <message>
        <source>Waiting on the other office</source>
        <translation>In attesa dell&apos;altro ufficio</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Tutte le aperte</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Solo scadute</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostra:</translation>
    </message>
    <message>
        <source>The steps of the selected practice.</source>
        <translation>I passaggi della pratica selezionata.</translation>
    </message>
    <message>
        <source>Answer or note for the other office (no personal details beyond the practice)</source>
        <translation>Risposta o nota per l&apos;altro ufficio (nessun dato personale oltre la pratica)</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Rispondi</translation>
    </message>
    <message>
        <source>Send &amp;back</source>
        <translation>Res&amp;tituisci</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;hiudi</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Invia &amp;di nuovo</translation>
    </message>
    <message>
        <source>Selected practice</source>
        <translation>Pratica selezionata</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Rea&amp;son to send back:</source>
        <translation>Motivo della restitu&amp;zione:</translation>
    </message>
    <message>
        <source>Sen&amp;d to %1 (Ctrl+Enter)</source>
        <translation>Invia a %1 (Ctrl+Invio)</translation>
    </message>
    <message>
        <source>Send a practice to the other office</source>
        <translation>Invia una pratica all&apos;altro ufficio</translation>
    </message>
    <message>
        <source>Practice &amp;number:</source>
        <translation>N&amp;umero pratica:</translation>
    </message>
    <message>
        <source>&amp;Procedure:</source>
        <translation>&amp;Procedimento:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>M&amp;otivo:</translation>
    </message>
    <message>
        <source>D&amp;ue by:</source>
        <translation>Scad&amp;enza:</translation>
    </message>
    <message numerus="yes">
        <source>%n practice(s)</source>
        <translation>
            <numerusform>%n pratica</numerusform>
            <numerusform>%n pratiche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n scaduta</numerusform>
            <numerusform>%n scadute</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation>inviata</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>risposta</translation>
    </message>
    <message>
        <source>sent back</source>
        <translation>restituita</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>chiusa</translation>
    </message>
    <message>
        <source>Answer sent to the other office.</source>
        <translation>Risposta inviata all&apos;altro ufficio.</translation>
    </message>
    <message>
        <source>Practice sent back.</source>
        <translation>Pratica restituita.</translation>
    </message>
    <message>
        <source>Practice closed.</source>
        <translation>Pratica chiusa.</translation>
    </message>
    <message>
        <source>Practice sent to the other office again.</source>
        <translation>Pratica inviata di nuovo all&apos;altro ufficio.</translation>
    </message>
    <message>
        <source>Practice sent.</source>
        <translation>Pratica inviata.</translation>
    </message>
</context>
<context>
    <name>PracticesWindow</name>
    <message>
        <source>Shared practices</source>
        <translation>Pratiche condivise</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <source>Ticket printer</source>
        <translation>Stampante dei biglietti</translation>
    </message>
    <message>
        <source>None: save each ticket as a PDF file</source>
        <translation>Nessuna: salva ogni biglietto come file PDF</translation>
    </message>
    <message>
        <source>%1 (not found on this PC)</source>
        <translation>%1 (non trovata su questo PC)</translation>
    </message>
    <message>
        <source>Receipt roll, 80 mm</source>
        <translation>Rotolo per scontrini, 80 mm</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>Foglio A4</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Stampante:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>&amp;Carta:</translation>
    </message>
    <message>
        <source>Tickets print at once, without a dialog. Without a printer each ticket is saved as a PDF file named by its number.</source>
        <translation>I biglietti si stampano subito, senza finestre. Senza stampante ogni biglietto è salvato come file PDF con il suo numero nel nome.</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <extracomment>Breakdowns of the window: the key of a row for each.</extracomment>
        <translation>Rapporti</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Giorni scelti</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ieri</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Settimana scorsa</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mese scorso</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Trimestre scorso</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>per giorno</translation>
    </message>
    <message>
        <source>by service</source>
        <translation>per servizio</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>per settimana</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>per mese</translation>
    </message>
    <message>
        <source>by desk</source>
        <translation>per sportello</translation>
    </message>
    <message>
        <source>by hour of day</source>
        <translation>per ora del giorno</translation>
    </message>
    <message>
        <source>by language</source>
        <translation>per lingua</translation>
    </message>
    <message>
        <source>by procedure</source>
        <translation>per procedimento</translation>
    </message>
    <message>
        <source>by priority class</source>
        <translation>per classe di priorità</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostra</translation>
    </message>
    <message>
        <source>from</source>
        <translation>dal</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emessi</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Serviti</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Assenti</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullati</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Trasferiti</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>Attesa media</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Richiami</translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation>Attesa mediana</translation>
    </message>
    <message>
        <source>Average service</source>
        <translation>Servizio medio</translation>
    </message>
    <message>
        <source>90% waited up to</source>
        <translation>Il 90% ha atteso fino a</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>Entro l&apos;obiettivo</translation>
    </message>
    <message>
        <source>Median service</source>
        <translation>Servizio mediano</translation>
    </message>
    <message>
        <source>Appointments kept</source>
        <translation>Appuntamenti rispettati</translation>
    </message>
    <message>
        <source>Appointments missed</source>
        <translation>Appuntamenti mancati</translation>
    </message>
    <message>
        <source>Export (counts, no names):</source>
        <translation>Esporta (conteggi, nessun nome):</translation>
    </message>
    <message>
        <source>Breakdowns:</source>
        <translation>Prospetti:</translation>
    </message>
    <message>
        <source>Monitoring indicators (anonymous):</source>
        <translation>Indicatori di monitoraggio (anonimi):</translation>
    </message>
    <message>
        <source>Whole project (FAMI 2021-2027)</source>
        <translation>Intero progetto (FAMI 2021-2027)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Conteggio in corso…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullamento…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was counted.</source>
        <translation>Annullato: nulla è stato conteggiato.</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n ticket(s) issued</source>
        <translation>
            <numerusform>%1 – %2: %n biglietto emesso</numerusform>
            <numerusform>%1 – %2: %n biglietti emessi</numerusform>
        </translation>
    </message>
    <message>
        <source>Export counts</source>
        <translation>Esporta i conteggi</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Esportato: %1</translation>
    </message>
    <message>
        <source>Export breakdowns</source>
        <translation>Esporta i prospetti</translation>
    </message>
    <message>
        <source>Export indicators</source>
        <translation>Esporta gli indicatori</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>display board</source>
        <extracomment>Staff roles as the staff read them.</extracomment>
        <translation>tabellone</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>operatore</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>mediatore</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>responsabile</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>amministratore</translation>
    </message>
    <message>
        <source>partner organisation</source>
        <translation>organizzazione partner</translation>
    </message>
    <message>
        <source>Questura, Immigration Office</source>
        <translation>Questura, Ufficio Immigrazione</translation>
    </message>
    <message>
        <source>machine owner (--system)</source>
        <translation>proprietario della macchina (--system)</translation>
    </message>
</context>
<context>
    <name>RowEditor</name>
    <message>
        <source>Add a row</source>
        <translation>Aggiungi una riga</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Togli la riga</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>Riga %1, %2: %3</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Riga %1: %2</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettera</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Target wait (min)</source>
        <translation>Attesa obiettivo (min)</translation>
    </message>
    <message>
        <source>Services (codes, commas)</source>
        <translation>Servizi (codici, separati da virgole)</translation>
    </message>
</context>
<context>
    <name>ServiceLevelMarks</name>
    <message>
        <source>Services — office target: %1 % of tickets called within the target wait</source>
        <extracomment>The column of the supervisor console&apos;s services table that gives the share of tickets called within target.</extracomment>
        <translation>Servizi — obiettivo dell&apos;ufficio: %1 % dei biglietti chiamati entro l&apos;attesa obiettivo</translation>
    </message>
    <message>
        <source>Below the office&apos;s target of %1 %</source>
        <translation>Sotto l&apos;obiettivo dell&apos;ufficio del %1 %</translation>
    </message>
</context>
<context>
    <name>ServiceSummaryModel</name>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Longest wait (min)</source>
        <translation>Attesa massima (min)</translation>
    </message>
    <message numerus="yes">
        <source>Target: %n minute(s)</source>
        <translation>
            <numerusform>Obiettivo: %n minuto</numerusform>
            <numerusform>Obiettivo: %n minuti</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Screen locked after inactivity: log in again.</source>
        <translation>Schermo bloccato per inattività: accedere di nuovo.</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Connessione al database…</translation>
    </message>
    <message>
        <source>This PC: desk %1</source>
        <translation>Questo PC: sportello %1</translation>
    </message>
    <message>
        <source>This account has no access to the counter workspace.</source>
        <translation>Questo account non ha accesso alla postazione di sportello.</translation>
    </message>
    <message>
        <source>Choose this PC&apos;s desk to work at the counter.</source>
        <translation>Scegliere lo sportello di questo PC per lavorare.</translation>
    </message>
    <message>
        <source>This PC&apos;s desk</source>
        <translation>Sportello di questo PC</translation>
    </message>
    <message>
        <source>Desk:</source>
        <translation>Sportello:</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>When</source>
        <extracomment>The languages of the groups (the core&apos;s ``LANGUAGES``, repeated here: the window builds without the core). How far back and ahead the list reaches.</extracomment>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediatore</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Presenti</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Segnalazioni</translation>
    </message>
</context>
<context>
    <name>SheetPrinter</name>
    <message>
        <source>Save the sheet as PDF</source>
        <translation>Salva il foglio in PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Time</source>
        <translation>Orario</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Posti</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Prenotati</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Liberi</translation>
    </message>
</context>
<context>
    <name>StaffEditor</name>
    <message>
        <source>Change &amp;role</source>
        <translation>Cambia &amp;ruolo</translation>
    </message>
    <message>
        <source>Move to &amp;office</source>
        <translation>Sposta all&apos;&amp;ufficio</translation>
    </message>
    <message>
        <source>Reset &amp;password</source>
        <translation>Reimposta la &amp;password</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Sblocca</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disattiva</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Account selezionato</translation>
    </message>
    <message>
        <source>&amp;Add the account</source>
        <translation>&amp;Aggiungi l&apos;account</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nuovo account</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Only an administrator manages staff accounts.</source>
        <translation>Solo un amministratore gestisce gli account del personale.</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Attiva</translation>
    </message>
    <message>
        <source>New password (shown only now, hand it over): %1</source>
        <translation>Nuova password (mostrata solo ora, da consegnare): %1</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Account %1 aggiunto.</translation>
    </message>
    <message>
        <source>%1 is now: %2</source>
        <translation>%1 ora è: %2</translation>
    </message>
    <message>
        <source>%1 moved to office %2.</source>
        <translation>%1 spostato all&apos;ufficio %2.</translation>
    </message>
    <message>
        <source>Password of %1 reset; the old one no longer works.</source>
        <translation>Password di %1 reimpostata; quella vecchia non funziona più.</translation>
    </message>
    <message>
        <source>%1 unlocked.</source>
        <translation>%1 sbloccato.</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>%1 attivato.</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>%1 disattivato.</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Username</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ufficio</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Ultimo accesso</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disattivato</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>bloccato fino alle %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attivo</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>waiting</source>
        <extracomment>Statuses of tickets, appointments, convocations and mediator bookings.</extracomment>
        <translation>in attesa</translation>
    </message>
    <message>
        <source>called</source>
        <translation>chiamato</translation>
    </message>
    <message>
        <source>being served</source>
        <translation>in servizio</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>sospeso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluso</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>assente</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annullato</translation>
    </message>
    <message>
        <source>closed at end of day</source>
        <translation>chiuso a fine giornata</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>prenotato</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>arrivato</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>inviata</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confermato</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>presentato</translation>
    </message>
    <message>
        <source>rebooked</source>
        <translation>riprenotato</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rifiutato</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>in revisione</translation>
    </message>
    <message>
        <source>published</source>
        <translation>pubblicata</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ritirata</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>pianificato</translation>
    </message>
    <message>
        <source>held</source>
        <translation>svolto</translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <source>Today&apos;s office</source>
        <extracomment>Between changes the waits still grow: read again after this long without one, ms.</extracomment>
        <translation>L&apos;ufficio oggi</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Rapporti…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servizi</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>In attesa ora</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Attesa più lunga</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>Attesa media</translation>
    </message>
    <message>
        <source>90% waited up to</source>
        <translation>Il 90% ha atteso fino a</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Serviti</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Assenti</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>Entro l&apos;obiettivo</translation>
    </message>
    <message>
        <source>Desks</source>
        <translation>Sportelli</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Biglietto</translation>
    </message>
    <message>
        <source>Average service</source>
        <translation>Servizio medio</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>Libero da</translation>
    </message>
    <message>
        <source>Arrivals and served per hour</source>
        <translation>Arrivi e serviti per ora</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Arrivi</translation>
    </message>
    <message>
        <source>Mediators today</source>
        <translation>Mediatori di oggi</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Prenotati</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presenti</translation>
    </message>
    <message>
        <source>Appointments today</source>
        <translation>Appuntamenti di oggi</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Aggiornato alle %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libero</translation>
    </message>
    <message>
        <source>calling</source>
        <translation>in chiamata</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>in servizio</translation>
    </message>
    <message>
        <source>Expected %1 · arrived %2 (late %3) · missed %4</source>
        <translation>Attesi %1 · arrivati %2 (in ritardo %3) · mancati %4</translation>
    </message>
</context>
<context>
    <name>TicketLinesEditor</name>
    <message>
        <source>Every walk-in ticket prints the Italian line and the same line in the person&apos;s language. Write the office&apos;s own line to print it instead of the shipped one; an empty line prints the shipped one again. Coloured rows: yellow, the shipped line is still to verify; blue, the office&apos;s own text.</source>
        <translation>Ogni biglietto stampa la riga in italiano e la stessa riga nella lingua della persona. Scriva la riga dell&apos;ufficio per stamparla al posto di quella fornita; una riga vuota fa stampare di nuovo quella fornita. Righe colorate: in giallo, la riga fornita è ancora da verificare; in blu, il testo proprio dell&apos;ufficio.</translation>
    </message>
    <message>
        <source>Read only: your role may not change the ticket lines; a supervisor or an administrator changes them.</source>
        <translation>Sola lettura: il suo ruolo non può modificare le righe del biglietto; le modifica un supervisore o un amministratore.</translation>
    </message>
    <message>
        <source>Restore the shi&amp;pped line</source>
        <translation>Ripristina la riga &amp;fornita</translation>
    </message>
    <message>
        <source>&amp;Save the line</source>
        <translation>Sal&amp;va la riga</translation>
    </message>
    <message>
        <source>Shipped line:</source>
        <translation>Riga fornita:</translation>
    </message>
    <message>
        <source>&amp;Line printed in %1:</source>
        <translation>Ri&amp;ga stampata in %1:</translation>
    </message>
    <message>
        <source>Saved: every desk of the office prints the shipped line again.</source>
        <translation>Salvato: ogni sportello dell&apos;ufficio stampa di nuovo la riga fornita.</translation>
    </message>
    <message>
        <source>Saved: every desk of the office prints this line now.</source>
        <translation>Salvato: ogni sportello dell&apos;ufficio stampa ora questa riga.</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <source>Language</source>
        <extracomment>The cell&apos;s paragraph direction is the window&apos;s (left to right): an embedding makes an Arabic or Urdu line read right to left, its full stop at the left end (as the translation review shows them). Rows whose printed line is still to be checked by a native speaker, and rows printing the office&apos;s own text. Role of every cell: the row&apos;s language code.</extracomment>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Shipped line</source>
        <translation>Riga fornita</translation>
    </message>
    <message>
        <source>Office&apos;s line</source>
        <translation>Riga dell&apos;ufficio</translation>
    </message>
    <message>
        <source>Printed from</source>
        <translation>Si stampa</translation>
    </message>
    <message>
        <source>The office&apos;s own text, %1</source>
        <translation>Testo proprio dell&apos;ufficio, %1</translation>
    </message>
    <message>
        <source>Shipped, checked by a native speaker</source>
        <translation>Fornita, controllata da un madrelingua</translation>
    </message>
    <message>
        <source>Shipped, to verify</source>
        <translation>Fornita, da verificare</translation>
    </message>
    <message>
        <source>Written by the office: no native speaker of the project checked it.</source>
        <translation>Scritta dall&apos;ufficio: nessun madrelingua del progetto l&apos;ha controllata.</translation>
    </message>
    <message>
        <source>Shipped with Sportello and checked by a native speaker.</source>
        <translation>Fornita con Sportello e controllata da un madrelingua.</translation>
    </message>
    <message>
        <source>Shipped with Sportello, not yet checked by a native speaker or mediator: to verify.</source>
        <translation>Fornita con Sportello, non ancora controllata da un madrelingua o da un mediatore: da verificare.</translation>
    </message>
</context>
<context>
    <name>TicketMediatorDialog</name>
    <message>
        <source>Booked &amp;mediators for this ticket today:</source>
        <translation>&amp;Mediatori prenotati per questo biglietto oggi:</translation>
    </message>
    <message>
        <source>Mark &amp;present</source>
        <translation>Segna &amp;presente</translation>
    </message>
    <message>
        <source>Mo&amp;de:</source>
        <translation>Mo&amp;dalità:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Chi:</translation>
    </message>
    <message>
        <source>&amp;Book a mediator from now</source>
        <translation>Pre&amp;nota un mediatore da adesso</translation>
    </message>
    <message>
        <source>e.g. the user came with a relative who translates</source>
        <translation>es. l&apos;utente è venuto con un familiare che traduce</translation>
    </message>
    <message>
        <source>&amp;Reason to call without a mediator:</source>
        <translation>Moti&amp;vo per chiamare senza mediatore:</translation>
    </message>
    <message>
        <source>&amp;Override the hold</source>
        <translation>&amp;Sblocca: chiama senza mediatore</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Chiudi (Esc)</translation>
    </message>
    <message>
        <source>Mediator for ticket %1</source>
        <translation>Mediatore per il biglietto %1</translation>
    </message>
    <message>
        <source>no language</source>
        <translation>nessuna lingua</translation>
    </message>
    <message>
        <source>needs a mediator for %1</source>
        <translation>serve un mediatore per %1</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(dalle %1)</translation>
    </message>
    <message>
        <source>HELD: %1</source>
        <translation>IN ATTESA DEL MEDIATORE: %1</translation>
    </message>
    <message>
        <source>callable</source>
        <translation>si può chiamare</translation>
    </message>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>for this ticket</source>
        <translation>per questo biglietto</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>turno</translation>
    </message>
    <message>
        <source>The first free mediator (best level)</source>
        <translation>Il primo mediatore libero (livello migliore)</translation>
    </message>
    <message>
        <source>%1 · %2 (level %3)</source>
        <translation>%1 · %2 (livello %3)</translation>
    </message>
    <message>
        <source>Mediator %1 booked for %2 (%3).</source>
        <translation>Mediatore %1 prenotato per %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is present: ticket %2 can be called.</source>
        <translation>%1 è presente: il biglietto %2 si può chiamare.</translation>
    </message>
    <message>
        <source>Write the reason to call without a mediator first.</source>
        <translation>Scrivere prima il motivo per chiamare senza mediatore.</translation>
    </message>
    <message>
        <source>Hold overridden: ticket %1 can be called without a mediator.</source>
        <translation>Sbloccato: il biglietto %1 si può chiamare senza mediatore.</translation>
    </message>
</context>
<context>
    <name>TicketPrinter</name>
    <message>
        <source>saved as PDF: %1</source>
        <translation>salvato in PDF: %1</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <source>Number</source>
        <extracomment>Role returning the whole :class:`~desk_app.core.queue.TicketView` of a row.</extracomment>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediatore</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuti</translation>
    </message>
    <message>
        <source>for desk %1</source>
        <translation>per lo sportello %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>per %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>held: %1</source>
        <translation>trattenuto: %1</translation>
    </message>
</context>
<context>
    <name>TrainingMarker</name>
    <message>
        <source>TRAINING OFFICE — practice database with the demo office: nothing done here reaches the real office, tickets and sheets are saved as PDF files.</source>
        <extracomment>The orange band of the training office (the display board has its own, in :mod:`desk_app.gui.board`). Starts a program with arguments, detached from this one; ``True`` if it started.</extracomment>
        <translation>ESERCITAZIONE — database di prova con l&apos;ufficio dimostrativo: nulla di ciò che si fa qui arriva all&apos;ufficio vero; biglietti e fogli sono salvati come file PDF.</translation>
    </message>
</context>
<context>
    <name>TrainingMenu</name>
    <message>
        <source>&amp;Reset the training office…</source>
        <translation>&amp;Azzera l&apos;ufficio di esercitazione…</translation>
    </message>
    <message>
        <source>Open the &amp;training office…</source>
        <translation>Apri l&apos;ufficio di &amp;esercitazione…</translation>
    </message>
    <message>
        <source>Training office</source>
        <translation>Ufficio di esercitazione</translation>
    </message>
    <message>
        <source>The training office could not be started.</source>
        <translation>Non è stato possibile avviare l&apos;ufficio di esercitazione.</translation>
    </message>
    <message>
        <source>Reset the training office</source>
        <translation>Azzera l&apos;ufficio di esercitazione</translation>
    </message>
    <message>
        <source>Everything done in the training office is removed and the demo office is loaded again. This window closes and a new one opens. Go on?</source>
        <translation>Tutto ciò che è stato fatto nell&apos;ufficio di esercitazione viene cancellato e l&apos;ufficio dimostrativo viene caricato di nuovo. Questa finestra si chiude e se ne apre una nuova. Continuare?</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer %1</source>
        <extracomment>How often the minutes-waiting column moves on, ms. The case outcome a ticket&apos;s outcome means (F9 closes the ticket&apos;s open case with it), and back.</extracomment>
        <translation>Trasferisci %1</translation>
    </message>
    <message>
        <source>Move ticket %1 (%2) to:</source>
        <translation>Sposta il biglietto %1 (%2) verso:</translation>
    </message>
    <message>
        <source>the queue of a &amp;service</source>
        <translation>la coda di un &amp;servizio</translation>
    </message>
    <message>
        <source>a &amp;desk</source>
        <translation>uno s&amp;portello</translation>
    </message>
    <message>
        <source>a &amp;colleague</source>
        <translation>un &amp;collega</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Trasferisci</translation>
    </message>
    <message>
        <source>It joins that queue in its place by waiting time.</source>
        <translation>Entra in quella coda al suo posto, secondo l&apos;attesa.</translation>
    </message>
    <message>
        <source>It keeps its place; only that desk calls it.</source>
        <translation>Mantiene il suo posto; lo chiama solo quello sportello.</translation>
    </message>
    <message>
        <source>It keeps its place; only that colleague calls it, at whatever desk.</source>
        <translation>Mantiene il suo posto; lo chiama solo quel collega, a qualsiasi sportello.</translation>
    </message>
</context>
<context>
    <name>TranslationReviewMenu</name>
    <message>
        <source>&amp;Translation review…</source>
        <translation>&amp;Revisione delle traduzioni…</translation>
    </message>
</context>
<context>
    <name>TranslationReviewWindow</name>
    <message>
        <source>Translation review</source>
        <extracomment>Background of a row by state: stale and missing rows need work (translation first), drafts wait for review. (The core&apos;s catalogue modules are imported where used: this module is on the desk window&apos;s start-up path, which must not load the database layers, tests/gui/test_startup_imports.py.) The services directory&apos;s sheet: desk_app.core.directory.COVERAGE_DOCUMENT (not imported here: start-up path).</extracomment>
        <translation>Revisione delle traduzioni</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>Drafts can be marked reviewed. Stale texts (the Italian changed) and missing ones must be translated first.</source>
        <translation>Le bozze si possono segnare come revisionate. I testi da aggiornare (l&apos;italiano è cambiato) e quelli mancanti vanno prima tradotti.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chiave</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traduzione</translation>
    </message>
    <message>
        <source>&amp;Mark selected reviewed</source>
        <translation>&amp;Segna le righe scelte come revisionate</translation>
    </message>
    <message>
        <source>Mark the whole &amp;sheet reviewed</source>
        <translation>Segna tutto il &amp;foglio come revisionato</translation>
    </message>
    <message>
        <source>Translation of the chosen &amp;text:</source>
        <translation>Tradu&amp;zione del testo scelto:</translation>
    </message>
    <message>
        <source>Sa&amp;ve translation</source>
        <translation>Sal&amp;va la traduzione</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>revisionata</translation>
    </message>
    <message>
        <source>stale: translate again</source>
        <translation>da aggiornare: tradurre di nuovo</translation>
    </message>
    <message>
        <source>missing: translate first</source>
        <translation>mancante: tradurre prima</translation>
    </message>
    <message>
        <source>Services of the area</source>
        <translation>Servizi del territorio</translation>
    </message>
    <message>
        <source>%1 — %2
%3 · draft %4, reviewed %5, stale %6, missing %7</source>
        <translation>%1 — %2
%3 · bozze %4, revisionate %5, da aggiornare %6, mancanti %7</translation>
    </message>
    <message>
        <source>Not markable: %1</source>
        <translation>Non si può segnare: %1</translation>
    </message>
    <message>
        <source>Already reviewed</source>
        <translation>Già revisionata</translation>
    </message>
    <message>
        <source>Translation of %1 saved and marked reviewed.</source>
        <translation>Traduzione di %1 salvata e segnata come revisionata.</translation>
    </message>
    <message>
        <source>%1: %2 marked reviewed, %3 already reviewed; not markable: %4 stale, %5 missing.</source>
        <translation>%1: %2 segnate come revisionate, %3 già revisionate; non segnabili: %4 da aggiornare, %5 mancanti.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Issued %1 (%2)</source>
        <translation>Emesso %1 (%2)</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>non stampato</translation>
    </message>
    <message>
        <source>Ticket not issued</source>
        <translation>Biglietto non emesso</translation>
    </message>
    <message>
        <source>Issue a walk-in ticket</source>
        <translation>Emetti un biglietto</translation>
    </message>
    <message>
        <source>Language of the person</source>
        <translation>Lingua della persona</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorità</translation>
    </message>
    <message>
        <source>Needs a &amp;mediator</source>
        <translation>Serve un &amp;mediatore</translation>
    </message>
    <message>
        <source>Service: press to issue and print the ticket</source>
        <translation>Servizio: premere per emettere e stampare il biglietto</translation>
    </message>
    <message>
        <source>&amp;Reprint last ticket</source>
        <translation>&amp;Ristampa ultimo biglietto</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Sospesi</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Assenti</translation>
    </message>
    <message>
        <source>At the desks</source>
        <translation>Agli sportelli</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>Chiama il prossimo</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Richiama</translation>
    </message>
    <message>
        <source>Start serving</source>
        <translation>Inizia servizio</translation>
    </message>
    <message>
        <source>Mark no-show</source>
        <translation>Segna assente</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Sospendi</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Trasferisci…</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Concludi</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Riattiva</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>Annulla biglietto</translation>
    </message>
    <message>
        <source>Mediator…</source>
        <translation>Mediatore…</translation>
    </message>
    <message>
        <source>Walk-in ticket…</source>
        <translation>Nuovo biglietto…</translation>
    </message>
    <message>
        <source>Queue / checklist</source>
        <translation>Coda / lista documenti</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n biglietto</numerusform>
            <numerusform>%n biglietti</numerusform>
        </translation>
    </message>
    <message>
        <source>No ticket at this desk. Press F5 to call the next one.</source>
        <translation>Nessun biglietto allo sportello. Premere F5 per chiamare il prossimo.</translation>
    </message>
    <message>
        <source>needs a mediator</source>
        <translation>serve un mediatore</translation>
    </message>
    <message numerus="yes">
        <source>recalled %n time(s)</source>
        <translation>
            <numerusform>richiamato %n volta</numerusform>
            <numerusform>richiamato %n volte</numerusform>
        </translation>
    </message>
    <message>
        <source>transferred from %1</source>
        <translation>trasferito da %1</translation>
    </message>
    <message>
        <source>No ticket here needs a mediator.</source>
        <extracomment>Actions of the window that are not ticket transitions: always there while the window is usable.</extracomment>
        <translation>Nessun biglietto qui ha bisogno di un mediatore.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Operazione non eseguita</translation>
    </message>
    <message>
        <source>Ticket %1 called.</source>
        <translation>Biglietto %1 chiamato.</translation>
    </message>
    <message>
        <source>Ticket %1 marked as no-show.</source>
        <translation>Biglietto %1 segnato assente.</translation>
    </message>
    <message>
        <source>Ticket %1 parked.</source>
        <translation>Biglietto %1 sospeso.</translation>
    </message>
    <message>
        <source>Ticket %1 finished.</source>
        <translation>Biglietto %1 concluso.</translation>
    </message>
    <message>
        <source>Transfer %1</source>
        <translation>Trasferisci %1</translation>
    </message>
    <message>
        <source>Your desk holds no ticket. Transfer the waiting ticket %1?</source>
        <translation>Allo sportello non c&apos;è nessun biglietto. Trasferire il biglietto in attesa %1?</translation>
    </message>
    <message>
        <source>Ticket %1 moved to %2.</source>
        <translation>Biglietto %1 trasferito a %2.</translation>
    </message>
    <message>
        <source>Ticket %1 reserved for desk %2.</source>
        <translation>Biglietto %1 riservato allo sportello %2.</translation>
    </message>
    <message>
        <source>Ticket %1 reserved for %2.</source>
        <translation>Biglietto %1 riservato a %2.</translation>
    </message>
    <message>
        <source>Ticket %1 is back in the queue.</source>
        <translation>Il biglietto %1 è di nuovo in coda.</translation>
    </message>
    <message>
        <source>Ticket %1 is waiting again.</source>
        <translation>Il biglietto %1 è di nuovo in attesa.</translation>
    </message>
    <message>
        <source>Cancel ticket %1? It cannot be called any more.</source>
        <translation>Annullare il biglietto %1? Non potrà più essere chiamato.</translation>
    </message>
    <message>
        <source>Ticket %1 cancelled.</source>
        <translation>Biglietto %1 annullato.</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Coda</translation>
    </message>
    <message>
        <source>Queues of this desk</source>
        <translation>Code di questo sportello</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Biglietti</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostra</translation>
    </message>
    <message>
        <source>C&amp;hecklist</source>
        <translation>Lista &amp;documenti</translation>
    </message>
    <message>
        <source>Ticket at this desk</source>
        <translation>Biglietto allo sportello</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Esito</translation>
    </message>
</context>
</TS>
