# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_MediatorAgenda(object):
    def setupUi(self, MediatorAgenda):
        if not MediatorAgenda.objectName():
            MediatorAgenda.setObjectName(u"MediatorAgenda")
        MediatorAgenda.resize(1000, 620)
        self.agendaLayout = QVBoxLayout(MediatorAgenda)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.titleLabel = QLabel(MediatorAgenda)
        self.titleLabel.setObjectName(u"titleLabel")

        self.agendaLayout.addWidget(self.titleLabel)

        self.privacyLabel = QLabel(MediatorAgenda)
        self.privacyLabel.setObjectName(u"privacyLabel")
        self.privacyLabel.setWordWrap(True)

        self.agendaLayout.addWidget(self.privacyLabel)

        self.rangeLayout = QHBoxLayout()
        self.rangeLayout.setObjectName(u"rangeLayout")
        self.spanCombo = QComboBox(MediatorAgenda)
        self.spanCombo.setObjectName(u"spanCombo")

        self.rangeLayout.addWidget(self.spanCombo)

        self.previousButton = QToolButton(MediatorAgenda)
        self.previousButton.setObjectName(u"previousButton")
        self.previousButton.setText(u"\u25c0")

        self.rangeLayout.addWidget(self.previousButton)

        self.dayEdit = QDateEdit(MediatorAgenda)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat(u"ddd dd/MM/yyyy")

        self.rangeLayout.addWidget(self.dayEdit)

        self.nextButton = QToolButton(MediatorAgenda)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setText(u"\u25b6")

        self.rangeLayout.addWidget(self.nextButton)

        self.todayButton = QPushButton(MediatorAgenda)
        self.todayButton.setObjectName(u"todayButton")

        self.rangeLayout.addWidget(self.todayButton)

        self.rangeLabel = QLabel(MediatorAgenda)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.rangeLayout.addWidget(self.rangeLabel)

        self.rangeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rangeLayout.addItem(self.rangeSpacer)

        self.exportButton = QPushButton(MediatorAgenda)
        self.exportButton.setObjectName(u"exportButton")

        self.rangeLayout.addWidget(self.exportButton)


        self.agendaLayout.addLayout(self.rangeLayout)

        self.agendaView = QTableView(MediatorAgenda)
        self.agendaView.setObjectName(u"agendaView")
        self.agendaView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agendaView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agendaView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.agendaLayout.addWidget(self.agendaView)

        self.answerLayout = QHBoxLayout()
        self.answerLayout.setObjectName(u"answerLayout")
        self.confirmButton = QPushButton(MediatorAgenda)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setMinimumSize(QSize(0, 40))

        self.answerLayout.addWidget(self.confirmButton)

        self.reasonEdit = QLineEdit(MediatorAgenda)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(2000)

        self.answerLayout.addWidget(self.reasonEdit)

        self.declineButton = QPushButton(MediatorAgenda)
        self.declineButton.setObjectName(u"declineButton")
        self.declineButton.setMinimumSize(QSize(0, 40))

        self.answerLayout.addWidget(self.declineButton)


        self.agendaLayout.addLayout(self.answerLayout)

        self.messageLabel = QLabel(MediatorAgenda)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.agendaLayout.addWidget(self.messageLabel)

        self.agendaLayout.setStretch(3, 1)

        self.retranslateUi(MediatorAgenda)

        QMetaObject.connectSlotsByName(MediatorAgenda)
    # setupUi

    def retranslateUi(self, MediatorAgenda):
        self.titleLabel.setText(QCoreApplication.translate("MediatorAgenda", u"My mediation bookings", None))
        self.privacyLabel.setText(QCoreApplication.translate("MediatorAgenda", u"Only time, language, mode and desk are shown: the user's name and case stay with the office.", None))
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("MediatorAgenda", u"Previous", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("MediatorAgenda", u"Next", None))
#endif // QT_CONFIG(tooltip)
        self.todayButton.setText(QCoreApplication.translate("MediatorAgenda", u"&Today", None))
        self.exportButton.setText(QCoreApplication.translate("MediatorAgenda", u"&Export to calendar (.ics)\u2026", None))
        self.confirmButton.setText(QCoreApplication.translate("MediatorAgenda", u"&Confirm", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("MediatorAgenda", u"Reason for declining (the desk that booked is told)", None))
        self.declineButton.setText(QCoreApplication.translate("MediatorAgenda", u"&Decline", None))
        pass
    # retranslateUi

