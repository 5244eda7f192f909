# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checklist.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QToolButton,
    QVBoxLayout, QWidget)

class Ui_ChecklistPanel(object):
    def setupUi(self, ChecklistPanel):
        if not ChecklistPanel.objectName():
            ChecklistPanel.setObjectName(u"ChecklistPanel")
        ChecklistPanel.resize(760, 620)
        self.panelLayout = QVBoxLayout(ChecklistPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.attachBox = QGroupBox(ChecklistPanel)
        self.attachBox.setObjectName(u"attachBox")
        self.attachLayout = QGridLayout(self.attachBox)
        self.attachLayout.setObjectName(u"attachLayout")
        self.procedureLabel = QLabel(self.attachBox)
        self.procedureLabel.setObjectName(u"procedureLabel")

        self.attachLayout.addWidget(self.procedureLabel, 0, 0, 1, 1)

        self.procedureCombo = QComboBox(self.attachBox)
        self.procedureCombo.setObjectName(u"procedureCombo")
        self.procedureCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.procedureCombo.setMinimumContentsLength(30)

        self.attachLayout.addWidget(self.procedureCombo, 0, 1, 1, 3)

        self.practiceLabel = QLabel(self.attachBox)
        self.practiceLabel.setObjectName(u"practiceLabel")

        self.attachLayout.addWidget(self.practiceLabel, 1, 0, 1, 1)

        self.practiceEdit = QLineEdit(self.attachBox)
        self.practiceEdit.setObjectName(u"practiceEdit")
        self.practiceEdit.setMaxLength(400)

        self.attachLayout.addWidget(self.practiceEdit, 1, 1, 1, 1)

        self.languageLabel = QLabel(self.attachBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.attachLayout.addWidget(self.languageLabel, 1, 2, 1, 1)

        self.languageCombo = QComboBox(self.attachBox)
        self.languageCombo.setObjectName(u"languageCombo")

        self.attachLayout.addWidget(self.languageCombo, 1, 3, 1, 1)

        self.attachButtonsLayout = QHBoxLayout()
        self.attachButtonsLayout.setObjectName(u"attachButtonsLayout")
        self.attachButton = QPushButton(self.attachBox)
        self.attachButton.setObjectName(u"attachButton")

        self.attachButtonsLayout.addWidget(self.attachButton)

        self.reopenButton = QPushButton(self.attachBox)
        self.reopenButton.setObjectName(u"reopenButton")

        self.attachButtonsLayout.addWidget(self.reopenButton)

        self.attachSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachButtonsLayout.addItem(self.attachSpacer)


        self.attachLayout.addLayout(self.attachButtonsLayout, 2, 0, 1, 4)

        self.attachLayout.setColumnStretch(1, 1)

        self.panelLayout.addWidget(self.attachBox)

        self.caseLabel = QLabel(ChecklistPanel)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setWordWrap(True)
        self.caseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.panelLayout.addWidget(self.caseLabel)

        self.itemsView = QTableView(ChecklistPanel)
        self.itemsView.setObjectName(u"itemsView")
        self.itemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemsView.setAlternatingRowColors(True)
        self.itemsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsView.setWordWrap(True)

        self.panelLayout.addWidget(self.itemsView)

        self.itemLayout = QHBoxLayout()
        self.itemLayout.setObjectName(u"itemLayout")
        self.presentedButton = QToolButton(ChecklistPanel)
        self.presentedButton.setObjectName(u"presentedButton")

        self.itemLayout.addWidget(self.presentedButton)

        self.missingButton = QToolButton(ChecklistPanel)
        self.missingButton.setObjectName(u"missingButton")

        self.itemLayout.addWidget(self.missingButton)

        self.notApplicableButton = QToolButton(ChecklistPanel)
        self.notApplicableButton.setObjectName(u"notApplicableButton")

        self.itemLayout.addWidget(self.notApplicableButton)

        self.pendingButton = QToolButton(ChecklistPanel)
        self.pendingButton.setObjectName(u"pendingButton")

        self.itemLayout.addWidget(self.pendingButton)

        self.itemNoteLabel = QLabel(ChecklistPanel)
        self.itemNoteLabel.setObjectName(u"itemNoteLabel")

        self.itemLayout.addWidget(self.itemNoteLabel)

        self.itemNoteEdit = QLineEdit(ChecklistPanel)
        self.itemNoteEdit.setObjectName(u"itemNoteEdit")
        self.itemNoteEdit.setMaxLength(3000)

        self.itemLayout.addWidget(self.itemNoteEdit)


        self.panelLayout.addLayout(self.itemLayout)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.caseBox = QGroupBox(ChecklistPanel)
        self.caseBox.setObjectName(u"caseBox")
        self.caseLayout = QGridLayout(self.caseBox)
        self.caseLayout.setObjectName(u"caseLayout")
        self.noteLabel = QLabel(self.caseBox)
        self.noteLabel.setObjectName(u"noteLabel")

        self.caseLayout.addWidget(self.noteLabel, 0, 0, 1, 1)

        self.noteEdit = QPlainTextEdit(self.caseBox)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 64))
        self.noteEdit.setTabChangesFocus(True)

        self.caseLayout.addWidget(self.noteEdit, 0, 1, 1, 1)

        self.caseOutcomeLabel = QLabel(self.caseBox)
        self.caseOutcomeLabel.setObjectName(u"caseOutcomeLabel")

        self.caseLayout.addWidget(self.caseOutcomeLabel, 1, 0, 1, 1)

        self.caseOutcomeCombo = QComboBox(self.caseBox)
        self.caseOutcomeCombo.setObjectName(u"caseOutcomeCombo")

        self.caseLayout.addWidget(self.caseOutcomeCombo, 1, 1, 1, 1)

        self.caseButtonsLayout = QHBoxLayout()
        self.caseButtonsLayout.setObjectName(u"caseButtonsLayout")
        self.saveNoteButton = QPushButton(self.caseBox)
        self.saveNoteButton.setObjectName(u"saveNoteButton")

        self.caseButtonsLayout.addWidget(self.saveNoteButton)

        self.closeCaseButton = QPushButton(self.caseBox)
        self.closeCaseButton.setObjectName(u"closeCaseButton")

        self.caseButtonsLayout.addWidget(self.closeCaseButton)


        self.caseLayout.addLayout(self.caseButtonsLayout, 2, 0, 1, 2)

        self.caseLayout.setColumnStretch(1, 1)

        self.bottomLayout.addWidget(self.caseBox)

        self.sheetsBox = QGroupBox(ChecklistPanel)
        self.sheetsBox.setObjectName(u"sheetsBox")
        self.sheetsLayout = QGridLayout(self.sheetsBox)
        self.sheetsLayout.setObjectName(u"sheetsLayout")
        self.sheetLanguageLabel = QLabel(self.sheetsBox)
        self.sheetLanguageLabel.setObjectName(u"sheetLanguageLabel")

        self.sheetsLayout.addWidget(self.sheetLanguageLabel, 0, 0, 1, 1)

        self.sheetLanguageCombo = QComboBox(self.sheetsBox)
        self.sheetLanguageCombo.setObjectName(u"sheetLanguageCombo")

        self.sheetsLayout.addWidget(self.sheetLanguageCombo, 0, 1, 1, 1)

        self.bilingualCheck = QCheckBox(self.sheetsBox)
        self.bilingualCheck.setObjectName(u"bilingualCheck")

        self.sheetsLayout.addWidget(self.bilingualCheck, 1, 0, 1, 2)

        self.translationLabel = QLabel(self.sheetsBox)
        self.translationLabel.setObjectName(u"translationLabel")
        self.translationLabel.setWordWrap(True)

        self.sheetsLayout.addWidget(self.translationLabel, 2, 0, 1, 2)

        self.sheetButtonsLayout = QGridLayout()
        self.sheetButtonsLayout.setObjectName(u"sheetButtonsLayout")
        self.printInstructionsButton = QPushButton(self.sheetsBox)
        self.printInstructionsButton.setObjectName(u"printInstructionsButton")

        self.sheetButtonsLayout.addWidget(self.printInstructionsButton, 0, 0, 1, 1)

        self.pdfInstructionsButton = QPushButton(self.sheetsBox)
        self.pdfInstructionsButton.setObjectName(u"pdfInstructionsButton")

        self.sheetButtonsLayout.addWidget(self.pdfInstructionsButton, 0, 1, 1, 1)

        self.printMissingButton = QPushButton(self.sheetsBox)
        self.printMissingButton.setObjectName(u"printMissingButton")

        self.sheetButtonsLayout.addWidget(self.printMissingButton, 1, 0, 1, 1)

        self.pdfMissingButton = QPushButton(self.sheetsBox)
        self.pdfMissingButton.setObjectName(u"pdfMissingButton")

        self.sheetButtonsLayout.addWidget(self.pdfMissingButton, 1, 1, 1, 1)


        self.sheetsLayout.addLayout(self.sheetButtonsLayout, 3, 0, 1, 2)

        self.sheetsLayout.setColumnStretch(1, 1)

        self.bottomLayout.addWidget(self.sheetsBox)

        self.bottomLayout.setStretch(0, 1)
        self.bottomLayout.setStretch(1, 1)

        self.panelLayout.addLayout(self.bottomLayout)

        self.panelLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.procedureLabel.setBuddy(self.procedureCombo)
        self.practiceLabel.setBuddy(self.practiceEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.itemNoteLabel.setBuddy(self.itemNoteEdit)
        self.noteLabel.setBuddy(self.noteEdit)
        self.caseOutcomeLabel.setBuddy(self.caseOutcomeCombo)
        self.sheetLanguageLabel.setBuddy(self.sheetLanguageCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChecklistPanel)

        QMetaObject.connectSlotsByName(ChecklistPanel)
    # setupUi

    def retranslateUi(self, ChecklistPanel):
        self.attachBox.setTitle(QCoreApplication.translate("ChecklistPanel", u"Procedure for the ticket at this desk", None))
        self.procedureLabel.setText(QCoreApplication.translate("ChecklistPanel", u"&Procedure", None))
        self.practiceLabel.setText(QCoreApplication.translate("ChecklistPanel", u"Practice &number", None))
        self.practiceEdit.setPlaceholderText(QCoreApplication.translate("ChecklistPanel", u"optional", None))
        self.languageLabel.setText(QCoreApplication.translate("ChecklistPanel", u"&Language", None))
        self.attachButton.setText(QCoreApplication.translate("ChecklistPanel", u"&Attach to the ticket", None))
        self.reopenButton.setText(QCoreApplication.translate("ChecklistPanel", u"&Reopen by practice number", None))
        self.itemNoteLabel.setText(QCoreApplication.translate("ChecklistPanel", u"&Document note", None))
        self.caseBox.setTitle(QCoreApplication.translate("ChecklistPanel", u"Case", None))
        self.noteLabel.setText(QCoreApplication.translate("ChecklistPanel", u"N&otes", None))
        self.caseOutcomeLabel.setText(QCoreApplication.translate("ChecklistPanel", u"O&utcome", None))
        self.saveNoteButton.setText(QCoreApplication.translate("ChecklistPanel", u"&Save notes", None))
        self.closeCaseButton.setText(QCoreApplication.translate("ChecklistPanel", u"&Close the case", None))
        self.sheetsBox.setTitle(QCoreApplication.translate("ChecklistPanel", u"Sheets for the user", None))
        self.sheetLanguageLabel.setText(QCoreApplication.translate("ChecklistPanel", u"Lan&guage", None))
        self.bilingualCheck.setText(QCoreApplication.translate("ChecklistPanel", u"&Bilingual (Italian under each line)", None))
        self.printInstructionsButton.setText(QCoreApplication.translate("ChecklistPanel", u"Print &instructions", None))
        self.pdfInstructionsButton.setText(QCoreApplication.translate("ChecklistPanel", u"Instructions as PDF\u2026", None))
        self.printMissingButton.setText(QCoreApplication.translate("ChecklistPanel", u"Print \"bring &next time\"", None))
        self.pdfMissingButton.setText(QCoreApplication.translate("ChecklistPanel", u"\"Bring next time\" as PDF\u2026", None))
        pass
    # retranslateUi

