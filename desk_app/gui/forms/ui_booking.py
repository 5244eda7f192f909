# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'booking.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_BookingDialog(object):
    def setupUi(self, BookingDialog):
        if not BookingDialog.objectName():
            BookingDialog.setObjectName(u"BookingDialog")
        BookingDialog.resize(620, 600)
        self.bookingLayout = QVBoxLayout(BookingDialog)
        self.bookingLayout.setObjectName(u"bookingLayout")
        self.whenBox = QGroupBox(BookingDialog)
        self.whenBox.setObjectName(u"whenBox")
        self.whenLayout = QFormLayout(self.whenBox)
        self.whenLayout.setObjectName(u"whenLayout")
        self.serviceLabel = QLabel(self.whenBox)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.whenLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.serviceCombo = QComboBox(self.whenBox)
        self.serviceCombo.setObjectName(u"serviceCombo")

        self.whenLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serviceCombo)

        self.dayLabel = QLabel(self.whenBox)
        self.dayLabel.setObjectName(u"dayLabel")

        self.whenLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.dayEdit = QDateEdit(self.whenBox)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat(u"ddd dd/MM/yyyy")

        self.whenLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dayEdit)

        self.slotLabel = QLabel(self.whenBox)
        self.slotLabel.setObjectName(u"slotLabel")

        self.whenLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.slotLabel)

        self.slotCombo = QComboBox(self.whenBox)
        self.slotCombo.setObjectName(u"slotCombo")

        self.whenLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.slotCombo)

        self.slotsInfoLabel = QLabel(self.whenBox)
        self.slotsInfoLabel.setObjectName(u"slotsInfoLabel")
        self.slotsInfoLabel.setWordWrap(True)

        self.whenLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.slotsInfoLabel)


        self.bookingLayout.addWidget(self.whenBox)

        self.personBox = QGroupBox(BookingDialog)
        self.personBox.setObjectName(u"personBox")
        self.personLayout = QFormLayout(self.personBox)
        self.personLayout.setObjectName(u"personLayout")
        self.nameLabel = QLabel(self.personBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.personLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.personBox)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(1200)

        self.personLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.practiceLabel = QLabel(self.personBox)
        self.practiceLabel.setObjectName(u"practiceLabel")

        self.personLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.practiceLabel)

        self.practiceEdit = QLineEdit(self.personBox)
        self.practiceEdit.setObjectName(u"practiceEdit")
        self.practiceEdit.setMaxLength(400)

        self.personLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.practiceEdit)

        self.languageLabel = QLabel(self.personBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.personLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.personBox)
        self.languageCombo.setObjectName(u"languageCombo")

        self.personLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.needsMediatorCheck = QCheckBox(self.personBox)
        self.needsMediatorCheck.setObjectName(u"needsMediatorCheck")

        self.personLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.needsMediatorCheck)


        self.bookingLayout.addWidget(self.personBox)

        self.mediatorBox = QGroupBox(BookingDialog)
        self.mediatorBox.setObjectName(u"mediatorBox")
        self.mediatorBox.setCheckable(True)
        self.mediatorBox.setChecked(False)
        self.mediatorLayout = QFormLayout(self.mediatorBox)
        self.mediatorLayout.setObjectName(u"mediatorLayout")
        self.modeLabel = QLabel(self.mediatorBox)
        self.modeLabel.setObjectName(u"modeLabel")

        self.mediatorLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.modeLabel)

        self.modeCombo = QComboBox(self.mediatorBox)
        self.modeCombo.setObjectName(u"modeCombo")

        self.mediatorLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.modeCombo)

        self.mediatorLabel = QLabel(self.mediatorBox)
        self.mediatorLabel.setObjectName(u"mediatorLabel")

        self.mediatorLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.mediatorLabel)

        self.mediatorCombo = QComboBox(self.mediatorBox)
        self.mediatorCombo.setObjectName(u"mediatorCombo")

        self.mediatorLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.mediatorCombo)

        self.mediatorMessageLabel = QLabel(self.mediatorBox)
        self.mediatorMessageLabel.setObjectName(u"mediatorMessageLabel")
        self.mediatorMessageLabel.setWordWrap(True)

        self.mediatorLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.mediatorMessageLabel)


        self.bookingLayout.addWidget(self.mediatorBox)

        self.messageLabel = QLabel(BookingDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.bookingLayout.addWidget(self.messageLabel)

        self.bookingSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.bookingLayout.addItem(self.bookingSpacer)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.newButton = QPushButton(BookingDialog)
        self.newButton.setObjectName(u"newButton")

        self.buttonsLayout.addWidget(self.newButton)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.bookButton = QPushButton(BookingDialog)
        self.bookButton.setObjectName(u"bookButton")

        self.buttonsLayout.addWidget(self.bookButton)

        self.buttonBox = QDialogButtonBox(BookingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.bookingLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.serviceLabel.setBuddy(self.serviceCombo)
        self.dayLabel.setBuddy(self.dayEdit)
        self.slotLabel.setBuddy(self.slotCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.practiceLabel.setBuddy(self.practiceEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.modeLabel.setBuddy(self.modeCombo)
        self.mediatorLabel.setBuddy(self.mediatorCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BookingDialog)
        self.buttonBox.rejected.connect(BookingDialog.reject)

        self.bookButton.setDefault(True)


        QMetaObject.connectSlotsByName(BookingDialog)
    # setupUi

    def retranslateUi(self, BookingDialog):
        BookingDialog.setWindowTitle(QCoreApplication.translate("BookingDialog", u"Book an appointment", None))
        self.whenBox.setTitle(QCoreApplication.translate("BookingDialog", u"When", None))
        self.serviceLabel.setText(QCoreApplication.translate("BookingDialog", u"&Service", None))
        self.dayLabel.setText(QCoreApplication.translate("BookingDialog", u"&Day", None))
        self.slotLabel.setText(QCoreApplication.translate("BookingDialog", u"Free s&lot", None))
        self.personBox.setTitle(QCoreApplication.translate("BookingDialog", u"Person", None))
        self.nameLabel.setText(QCoreApplication.translate("BookingDialog", u"&Name", None))
        self.practiceLabel.setText(QCoreApplication.translate("BookingDialog", u"&Practice number", None))
        self.languageLabel.setText(QCoreApplication.translate("BookingDialog", u"&Language", None))
        self.needsMediatorCheck.setText(QCoreApplication.translate("BookingDialog", u"Needs a &mediator", None))
        self.mediatorBox.setTitle(QCoreApplication.translate("BookingDialog", u"Also book a mediator for this appointment", None))
        self.modeLabel.setText(QCoreApplication.translate("BookingDialog", u"M&ode", None))
        self.mediatorLabel.setText(QCoreApplication.translate("BookingDialog", u"Med&iator", None))
        self.newButton.setText(QCoreApplication.translate("BookingDialog", u"N&ew booking", None))
        self.bookButton.setText(QCoreApplication.translate("BookingDialog", u"&Book", None))
    # retranslateUi

