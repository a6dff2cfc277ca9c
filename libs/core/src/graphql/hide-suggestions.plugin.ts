import { ApolloServerPlugin } from '@apollo/server';

/**
 * Apollo's hideSchemaDetailsFromClientErrors takes "Did you mean …?" out of validation
 * errors; the variables are checked later, when execution starts, and their errors
 * (`Field "yeer" is not defined by type "EditionFilter". Did you mean "year"?`) would
 * still name fields of the schema. Installed when introspection is off.
 */
export const hideSuggestionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors)
          error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
      },
    };
  },
};
