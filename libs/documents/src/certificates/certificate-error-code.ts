/** Reasons a certificate request fails; clients branch on `extensions.reason`. */
export enum CertificateErrorCode {
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  NOT_CONFIGURED = 'CERTIFICATES_NOT_CONFIGURED',
  ALREADY_REPLACED = 'CERTIFICATE_ALREADY_REPLACED',
  ALREADY_REVOKED = 'CERTIFICATE_ALREADY_REVOKED',
}
