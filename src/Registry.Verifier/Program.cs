using Registry.Verifier;

return VerifierCommand.Run(args, Console.Out, Console.Error);
