# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'firstrun.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget,
    QWizard, QWizardPage)

class Ui_FirstRunWizard(object):
    def setupUi(self, FirstRunWizard):
        if not FirstRunWizard.objectName():
            FirstRunWizard.setObjectName(u"FirstRunWizard")
        FirstRunWizard.resize(640, 520)
        self.introPage = QWizardPage()
        self.introPage.setObjectName(u"introPage")
        self.introLayout = QVBoxLayout(self.introPage)
        self.introLayout.setObjectName(u"introLayout")
        self.newOfficeRadio = QRadioButton(self.introPage)
        self.newOfficeRadio.setObjectName(u"newOfficeRadio")
        self.newOfficeRadio.setChecked(True)

        self.introLayout.addWidget(self.newOfficeRadio)

        self.demoRadio = QRadioButton(self.introPage)
        self.demoRadio.setObjectName(u"demoRadio")

        self.introLayout.addWidget(self.demoRadio)

        self.demoHintLabel = QLabel(self.introPage)
        self.demoHintLabel.setObjectName(u"demoHintLabel")
        self.demoHintLabel.setWordWrap(True)

        self.introLayout.addWidget(self.demoHintLabel)

        FirstRunWizard.addPage(self.introPage)
        self.officePage = QWizardPage()
        self.officePage.setObjectName(u"officePage")
        self.officeLayout = QFormLayout(self.officePage)
        self.officeLayout.setObjectName(u"officeLayout")
        self.officeCodeLabel = QLabel(self.officePage)
        self.officeCodeLabel.setObjectName(u"officeCodeLabel")

        self.officeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officeCodeLabel)

        self.officeCodeEdit = QLineEdit(self.officePage)
        self.officeCodeEdit.setObjectName(u"officeCodeEdit")
        self.officeCodeEdit.setText(u"LODI")
        self.officeCodeEdit.setMaxLength(160)

        self.officeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officeCodeEdit)

        self.officeNameLabel = QLabel(self.officePage)
        self.officeNameLabel.setObjectName(u"officeNameLabel")

        self.officeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officeNameLabel)

        self.officeNameEdit = QLineEdit(self.officePage)
        self.officeNameEdit.setObjectName(u"officeNameEdit")
        self.officeNameEdit.setText(u"Prefettura di Lodi")
        self.officeNameEdit.setMaxLength(1200)

        self.officeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officeNameEdit)

        self.officeAddressLabel = QLabel(self.officePage)
        self.officeAddressLabel.setObjectName(u"officeAddressLabel")

        self.officeLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officeAddressLabel)

        self.officeAddressEdit = QLineEdit(self.officePage)
        self.officeAddressEdit.setObjectName(u"officeAddressEdit")
        self.officeAddressEdit.setMaxLength(2400)

        self.officeLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officeAddressEdit)

        self.servicesLabel = QLabel(self.officePage)
        self.servicesLabel.setObjectName(u"servicesLabel")

        self.officeLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.servicesLabel)

        self.desksLabel = QLabel(self.officePage)
        self.desksLabel.setObjectName(u"desksLabel")

        self.officeLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.desksLabel)

        FirstRunWizard.addPage(self.officePage)
        self.adminPage = QWizardPage()
        self.adminPage.setObjectName(u"adminPage")
        self.adminLayout = QFormLayout(self.adminPage)
        self.adminLayout.setObjectName(u"adminLayout")
        self.adminUserLabel = QLabel(self.adminPage)
        self.adminUserLabel.setObjectName(u"adminUserLabel")

        self.adminLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adminUserLabel)

        self.adminUserEdit = QLineEdit(self.adminPage)
        self.adminUserEdit.setObjectName(u"adminUserEdit")
        self.adminUserEdit.setText(u"admin")
        self.adminUserEdit.setMaxLength(640)

        self.adminLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adminUserEdit)

        self.adminNameLabel = QLabel(self.adminPage)
        self.adminNameLabel.setObjectName(u"adminNameLabel")

        self.adminLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.adminNameLabel)

        self.adminNameEdit = QLineEdit(self.adminPage)
        self.adminNameEdit.setObjectName(u"adminNameEdit")
        self.adminNameEdit.setMaxLength(800)

        self.adminLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminNameEdit)

        self.adminPasswordLabel = QLabel(self.adminPage)
        self.adminPasswordLabel.setObjectName(u"adminPasswordLabel")

        self.adminLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.adminPasswordLabel)

        self.adminPasswordEdit = QLineEdit(self.adminPage)
        self.adminPasswordEdit.setObjectName(u"adminPasswordEdit")
        self.adminPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.adminPasswordEdit.setMaxLength(2560)

        self.adminLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.adminPasswordEdit)

        self.adminRepeatLabel = QLabel(self.adminPage)
        self.adminRepeatLabel.setObjectName(u"adminRepeatLabel")

        self.adminLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adminRepeatLabel)

        self.adminRepeatEdit = QLineEdit(self.adminPage)
        self.adminRepeatEdit.setObjectName(u"adminRepeatEdit")
        self.adminRepeatEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.adminRepeatEdit.setMaxLength(2560)

        self.adminLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adminRepeatEdit)

        self.adminMessageLabel = QLabel(self.adminPage)
        self.adminMessageLabel.setObjectName(u"adminMessageLabel")
        self.adminMessageLabel.setWordWrap(True)

        self.adminLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.adminMessageLabel)

        FirstRunWizard.addPage(self.adminPage)
#if QT_CONFIG(shortcut)
        self.officeCodeLabel.setBuddy(self.officeCodeEdit)
        self.officeNameLabel.setBuddy(self.officeNameEdit)
        self.officeAddressLabel.setBuddy(self.officeAddressEdit)
        self.adminUserLabel.setBuddy(self.adminUserEdit)
        self.adminNameLabel.setBuddy(self.adminNameEdit)
        self.adminPasswordLabel.setBuddy(self.adminPasswordEdit)
        self.adminRepeatLabel.setBuddy(self.adminRepeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunWizard)

        QMetaObject.connectSlotsByName(FirstRunWizard)
    # setupUi

    def retranslateUi(self, FirstRunWizard):
        FirstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"Sportello: first start", None))
        self.introPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Welcome", None))
        self.introPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"The database is empty. Set up this office, or load the demo office to try the application.", None))
        self.newOfficeRadio.setText(QCoreApplication.translate("FirstRunWizard", u"Set up a &new office", None))
        self.demoRadio.setText(QCoreApplication.translate("FirstRunWizard", u"Load the &demo office (Prefettura di Lodi, sample staff and tickets)", None))
        self.officePage.setTitle(QCoreApplication.translate("FirstRunWizard", u"Office, services and desks", None))
        self.officePage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"One row per service and one per desk: each line is checked as it is typed, and a problem is said with its line number.", None))
        self.officeCodeLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Office &code", None))
        self.officeNameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"Office &name", None))
        self.officeAddressLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Address", None))
        self.servicesLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Services", None))
        self.desksLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Desks", None))
        self.adminPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"First administrator", None))
        self.adminPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"This account manages staff, desks and the database. Counter clerks get their own accounts later.", None))
        self.adminUserLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Username", None))
        self.adminNameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Full name", None))
        self.adminPasswordLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Password", None))
        self.adminRepeatLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Repeat password", None))
    # retranslateUi

