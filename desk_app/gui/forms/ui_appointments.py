# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appointments.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_AppointmentDayView(object):
    def setupUi(self, AppointmentDayView):
        if not AppointmentDayView.objectName():
            AppointmentDayView.setObjectName(u"AppointmentDayView")
        AppointmentDayView.resize(1100, 640)
        self.dayLayout = QVBoxLayout(AppointmentDayView)
        self.dayLayout.setObjectName(u"dayLayout")
        self.chooserLayout = QHBoxLayout()
        self.chooserLayout.setObjectName(u"chooserLayout")
        self.serviceLabel = QLabel(AppointmentDayView)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.chooserLayout.addWidget(self.serviceLabel)

        self.serviceCombo = QComboBox(AppointmentDayView)
        self.serviceCombo.setObjectName(u"serviceCombo")
        self.serviceCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.chooserLayout.addWidget(self.serviceCombo)

        self.dayLabel = QLabel(AppointmentDayView)
        self.dayLabel.setObjectName(u"dayLabel")

        self.chooserLayout.addWidget(self.dayLabel)

        self.previousDayButton = QToolButton(AppointmentDayView)
        self.previousDayButton.setObjectName(u"previousDayButton")
        self.previousDayButton.setText(u"\u25c0")

        self.chooserLayout.addWidget(self.previousDayButton)

        self.dayEdit = QDateEdit(AppointmentDayView)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat(u"ddd dd/MM/yyyy")

        self.chooserLayout.addWidget(self.dayEdit)

        self.nextDayButton = QToolButton(AppointmentDayView)
        self.nextDayButton.setObjectName(u"nextDayButton")
        self.nextDayButton.setText(u"\u25b6")

        self.chooserLayout.addWidget(self.nextDayButton)

        self.todayButton = QPushButton(AppointmentDayView)
        self.todayButton.setObjectName(u"todayButton")

        self.chooserLayout.addWidget(self.todayButton)

        self.chooserSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooserLayout.addItem(self.chooserSpacer)

        self.bookButton = QPushButton(AppointmentDayView)
        self.bookButton.setObjectName(u"bookButton")

        self.chooserLayout.addWidget(self.bookButton)


        self.dayLayout.addLayout(self.chooserLayout)

        self.dayInfoLabel = QLabel(AppointmentDayView)
        self.dayInfoLabel.setObjectName(u"dayInfoLabel")
        self.dayInfoLabel.setWordWrap(True)

        self.dayLayout.addWidget(self.dayInfoLabel)

        self.splitter = QSplitter(AppointmentDayView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.slotsBox = QGroupBox(self.splitter)
        self.slotsBox.setObjectName(u"slotsBox")
        self.slotsLayout = QVBoxLayout(self.slotsBox)
        self.slotsLayout.setObjectName(u"slotsLayout")
        self.slotsView = QTableView(self.slotsBox)
        self.slotsView.setObjectName(u"slotsView")
        self.slotsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slotsView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.slotsLayout.addWidget(self.slotsView)

        self.splitter.addWidget(self.slotsBox)
        self.appointmentsBox = QGroupBox(self.splitter)
        self.appointmentsBox.setObjectName(u"appointmentsBox")
        self.appointmentsLayout = QVBoxLayout(self.appointmentsBox)
        self.appointmentsLayout.setObjectName(u"appointmentsLayout")
        self.appointmentsView = QTableView(self.appointmentsBox)
        self.appointmentsView.setObjectName(u"appointmentsView")
        self.appointmentsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.appointmentsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.appointmentsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.appointmentsLayout.addWidget(self.appointmentsView)

        self.splitter.addWidget(self.appointmentsBox)

        self.dayLayout.addWidget(self.splitter)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.checkInButton = QPushButton(AppointmentDayView)
        self.checkInButton.setObjectName(u"checkInButton")
        self.checkInButton.setMinimumSize(QSize(0, 44))

        self.actionsLayout.addWidget(self.checkInButton)

        self.noShowButton = QPushButton(AppointmentDayView)
        self.noShowButton.setObjectName(u"noShowButton")
        self.noShowButton.setMinimumSize(QSize(0, 44))

        self.actionsLayout.addWidget(self.noShowButton)

        self.resultLabel = QLabel(AppointmentDayView)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resultLabel.sizePolicy().hasHeightForWidth())
        self.resultLabel.setSizePolicy(sizePolicy)

        self.actionsLayout.addWidget(self.resultLabel)

        self.buttonBox = QDialogButtonBox(AppointmentDayView)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.actionsLayout.addWidget(self.buttonBox)


        self.dayLayout.addLayout(self.actionsLayout)

        self.dayLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.serviceLabel.setBuddy(self.serviceCombo)
        self.dayLabel.setBuddy(self.dayEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AppointmentDayView)
        self.buttonBox.rejected.connect(AppointmentDayView.reject)

        QMetaObject.connectSlotsByName(AppointmentDayView)
    # setupUi

    def retranslateUi(self, AppointmentDayView):
        AppointmentDayView.setWindowTitle(QCoreApplication.translate("AppointmentDayView", u"Appointments of the day", None))
        self.serviceLabel.setText(QCoreApplication.translate("AppointmentDayView", u"&Service", None))
        self.dayLabel.setText(QCoreApplication.translate("AppointmentDayView", u"&Day", None))
#if QT_CONFIG(tooltip)
        self.previousDayButton.setToolTip(QCoreApplication.translate("AppointmentDayView", u"Previous day", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.nextDayButton.setToolTip(QCoreApplication.translate("AppointmentDayView", u"Next day", None))
#endif // QT_CONFIG(tooltip)
        self.todayButton.setText(QCoreApplication.translate("AppointmentDayView", u"&Today", None))
        self.bookButton.setText(QCoreApplication.translate("AppointmentDayView", u"&Book an appointment\u2026", None))
        self.slotsBox.setTitle(QCoreApplication.translate("AppointmentDayView", u"Slots", None))
        self.appointmentsBox.setTitle(QCoreApplication.translate("AppointmentDayView", u"Appointments", None))
        self.checkInButton.setText(QCoreApplication.translate("AppointmentDayView", u"&Check in: issue the ticket", None))
        self.noShowButton.setText(QCoreApplication.translate("AppointmentDayView", u"Mark &no-shows", None))
#if QT_CONFIG(tooltip)
        self.noShowButton.setToolTip(QCoreApplication.translate("AppointmentDayView", u"Mark as no-show every booked appointment whose arrival window has passed", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

