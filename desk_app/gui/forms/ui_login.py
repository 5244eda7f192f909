# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LoginPage(object):
    def setupUi(self, LoginPage):
        if not LoginPage.objectName():
            LoginPage.setObjectName(u"LoginPage")
        LoginPage.resize(640, 480)
        self.outerLayout = QVBoxLayout(LoginPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.topSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.loginFrame = QFrame(LoginPage)
        self.loginFrame.setObjectName(u"loginFrame")
        self.loginFrame.setMinimumSize(QSize(380, 0))
        self.loginFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frameLayout = QVBoxLayout(self.loginFrame)
        self.frameLayout.setObjectName(u"frameLayout")
        self.titleLabel = QLabel(self.loginFrame)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.frameLayout.addWidget(self.titleLabel)

        self.officeLabel = QLabel(self.loginFrame)
        self.officeLabel.setObjectName(u"officeLabel")
        self.officeLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.officeLabel.setWordWrap(True)

        self.frameLayout.addWidget(self.officeLabel)

        self.credentialsLayout = QFormLayout()
        self.credentialsLayout.setObjectName(u"credentialsLayout")
        self.usernameLabel = QLabel(self.loginFrame)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.credentialsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(self.loginFrame)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(640)

        self.credentialsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.passwordLabel = QLabel(self.loginFrame)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentialsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.loginFrame)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(2560)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)


        self.frameLayout.addLayout(self.credentialsLayout)

        self.loginButton = QPushButton(self.loginFrame)
        self.loginButton.setObjectName(u"loginButton")

        self.frameLayout.addWidget(self.loginButton)

        self.messageLabel = QLabel(self.loginFrame)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.frameLayout.addWidget(self.messageLabel)

        self.deskLabel = QLabel(self.loginFrame)
        self.deskLabel.setObjectName(u"deskLabel")
        self.deskLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.frameLayout.addWidget(self.deskLabel)


        self.outerLayout.addWidget(self.loginFrame, 0, Qt.AlignmentFlag.AlignHCenter)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.loginButton)

        self.retranslateUi(LoginPage)

        self.loginButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoginPage)
    # setupUi

    def retranslateUi(self, LoginPage):
        self.titleLabel.setText(QCoreApplication.translate("LoginPage", u"Sportello", None))
        self.officeLabel.setText(QCoreApplication.translate("LoginPage", u"Connecting to the database\u2026", None))
        self.usernameLabel.setText(QCoreApplication.translate("LoginPage", u"&Username", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginPage", u"&Password", None))
        self.loginButton.setText(QCoreApplication.translate("LoginPage", u"&Log in", None))
        pass
    # retranslateUi

