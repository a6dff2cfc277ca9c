import { withoutVariableValue } from './to-graphql-error';

describe('withoutVariableValue', () => {
  it('drops the value GraphQL quotes for a variable that does not fit, keeping where and why', () => {
    expect(
      withoutVariableValue(
        'Variable "$input" got invalid value { passport: { passportNumber: "AB1234567" } } at "input"; Field "registrationId" of required type "ID!" was not provided.',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input": Field "registrationId" of required type "ID!" was not provided.',
    );
    expect(
      withoutVariableValue(
        'Variable "$input" got invalid value 123456789 at "input.passport.passportNumber"; String cannot represent a non string value: 123456789',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input.passport.passportNumber": String cannot represent the value sent.',
    );
    expect(
      withoutVariableValue(
        'Variable "$input" got invalid value "SECRET" at "input.type"; Value "SECRET" does not exist in "OrganizationType" enum.',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input.type": the value does not exist in "OrganizationType" enum.',
    );
    expect(
      withoutVariableValue(
        'Variable "$x" got invalid value "SECRET" at "x"; Expected type "Int" but found "SECRET".',
      ),
    ).toBe('Variable "$x" got an invalid value at "x": the value does not fit its type.');
    expect(
      withoutVariableValue(
        'Variable "$input" got invalid value { passport: { passportNumber: "AB; at \\"x\\"; 1" } }; Field "registrationId" of required type "ID!" was not provided.',
      ),
    ).toBe(
      'Variable "$input" got an invalid value: Field "registrationId" of required type "ID!" was not provided.',
    );
    expect(withoutVariableValue('Cannot query field "nope" on type "Query".')).toBe(
      'Cannot query field "nope" on type "Query".',
    );
  });
});
