# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'walkin.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_WalkInDialog(object):
    def setupUi(self, WalkInDialog):
        if not WalkInDialog.objectName():
            WalkInDialog.setObjectName(u"WalkInDialog")
        WalkInDialog.resize(900, 620)
        self.dialogLayout = QVBoxLayout(WalkInDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.languageBox = QGroupBox(WalkInDialog)
        self.languageBox.setObjectName(u"languageBox")
        self.languageGrid = QGridLayout(self.languageBox)
        self.languageGrid.setObjectName(u"languageGrid")

        self.dialogLayout.addWidget(self.languageBox)

        self.optionsLayout = QHBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.priorityLabel = QLabel(WalkInDialog)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.optionsLayout.addWidget(self.priorityLabel)

        self.priorityCombo = QComboBox(WalkInDialog)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.optionsLayout.addWidget(self.priorityCombo)

        self.mediatorCheck = QCheckBox(WalkInDialog)
        self.mediatorCheck.setObjectName(u"mediatorCheck")

        self.optionsLayout.addWidget(self.mediatorCheck)

        self.optionsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer)


        self.dialogLayout.addLayout(self.optionsLayout)

        self.serviceBox = QGroupBox(WalkInDialog)
        self.serviceBox.setObjectName(u"serviceBox")
        self.serviceGrid = QGridLayout(self.serviceBox)
        self.serviceGrid.setObjectName(u"serviceGrid")

        self.dialogLayout.addWidget(self.serviceBox)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.lastIssuedLabel = QLabel(WalkInDialog)
        self.lastIssuedLabel.setObjectName(u"lastIssuedLabel")

        self.footerLayout.addWidget(self.lastIssuedLabel)

        self.footerSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.reprintButton = QPushButton(WalkInDialog)
        self.reprintButton.setObjectName(u"reprintButton")
        self.reprintButton.setEnabled(False)

        self.footerLayout.addWidget(self.reprintButton)

        self.buttonBox = QDialogButtonBox(WalkInDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.footerLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.priorityLabel.setBuddy(self.priorityCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WalkInDialog)
        self.buttonBox.rejected.connect(WalkInDialog.reject)

        QMetaObject.connectSlotsByName(WalkInDialog)
    # setupUi

    def retranslateUi(self, WalkInDialog):
        WalkInDialog.setWindowTitle(QCoreApplication.translate("WalkInDialog", u"Issue a walk-in ticket", None))
        self.languageBox.setTitle(QCoreApplication.translate("WalkInDialog", u"Language of the person", None))
        self.priorityLabel.setText(QCoreApplication.translate("WalkInDialog", u"&Priority", None))
        self.mediatorCheck.setText(QCoreApplication.translate("WalkInDialog", u"Needs a &mediator", None))
        self.serviceBox.setTitle(QCoreApplication.translate("WalkInDialog", u"Service: press to issue and print the ticket", None))
        self.reprintButton.setText(QCoreApplication.translate("WalkInDialog", u"&Reprint last ticket", None))
    # retranslateUi

